// RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote, CR or LF; quotes doubled.
// Cells come from documents: escape sequences are removed so a CSV printed to a terminal cannot drive it, and a
// cell a spreadsheet would run as a formula is prefixed with a single quote (OWASP CSV injection).
import { sanitizeForTerminal } from '../common/sanitize.js';

// Tested after cleaning: removing an escape sequence can bring a '=' to the front; a lone CR has become LF by then.
const FORMULA_START = /^[=+\-@\t\r\n]/;

export function csvField(value: string): string {
  const cleaned = sanitizeForTerminal(value.replace(/\r\n?/g, '\n'));
  const clean = FORMULA_START.test(cleaned) ? `'${cleaned}` : cleaned;
  return /[",\r\n]/.test(clean) ? `"${clean.replace(/"/g, '""')}"` : clean;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
