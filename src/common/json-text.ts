// The one JSON serialiser for output: JSON.stringify escapes C0 itself; DEL, C1 (U+009B is a one-byte CSI), bidi
// controls and U+2028/2029 are escaped here as \uXXXX, so the text stays valid JSON, equal in value, and inert.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

export function escapeJsonUnsafe(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One JSON document and a newline; indent 0 prints it on one line. */
export function toJsonText(value: unknown, indent = 2): string {
  return `${escapeJsonUnsafe(JSON.stringify(value, null, indent || undefined))}\n`;
}
