// RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote, CR or LF; quotes doubled.
// Cells come from documents: escape sequences are removed so a CSV printed to a terminal cannot drive it.
import { sanitizeForTerminal } from '../common/sanitize.js';

export function csvField(value: string): string {
  const clean = sanitizeForTerminal(value.replace(/\r\n?/g, '\n'));
  return /[",\r\n]/.test(clean) ? `"${clean.replace(/"/g, '""')}"` : clean;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
