// Strings from documents, registries and certificates must never drive the terminal.

// CSI/OSC/other ESC sequences first, then any remaining C0/C1 control character except tab and newline.
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[PX^_][^\u001b]*(?:\u001b\\)?|[@-Z\\-_])|\u009b[0-?]*[ -/]*[@-~]/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Removes escape sequences and shows other control characters as visible escapes (e.g. \x07). */
export function sanitizeForTerminal(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Same, but also folds newlines and tabs: for single-line cells in tables and lists. */
export function sanitizeLine(text: string): string {
  return sanitizeForTerminal(text).replace(/[\t\n]/g, ' ');
}
