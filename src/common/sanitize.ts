// Strings from documents, registries and certificates must never drive the terminal.

// CSI/OSC/other ESC sequences first, then any remaining C0/C1 control character except tab and newline.
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[PX^_][^\u001b]*(?:\u001b\\)?|[@-Z\\-_])|\u009b[0-?]*[ -/]*[@-~]/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Bidi embeddings, overrides and isolates reorder what a reader sees (Trojan Source); line/paragraph separators break lines.
const INVISIBLE_LAYOUT = /[\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** Removes escape sequences and shows other control characters as visible escapes (e.g. \x07, \u202e). */
export function sanitizeForTerminal(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCE, '')
    .replace(CONTROL, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .replace(INVISIBLE_LAYOUT, (ch) => `\\u${ch.charCodeAt(0).toString(16)}`);
}

/** Same, but also folds newlines and tabs: for single-line cells in tables and lists. */
export function sanitizeLine(text: string): string {
  return sanitizeForTerminal(text).replace(/[\t\n]/g, ' ');
}

/** Like sanitizeForTerminal, but a CR right before LF stays raw: a CRLF file's own line ends, in a diff `patch` must apply. */
export function sanitizeKeepingCrlf(text: string): string {
  return text.split('\r\n').map(sanitizeForTerminal).join('\r\n');
}
