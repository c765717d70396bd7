// The one way text from a document, registry or certificate reaches the screen: sanitized, one line, clipped.
import { sanitizeLine } from '../common/sanitize.js';

/** Sanitized and cut to `width` columns (an ellipsis marks the cut). */
export function clip(text: string, width: number): string {
  const safe = sanitizeLine(text);
  if (width <= 0) return '';
  if (safe.length <= width) return safe;
  return width === 1 ? '…' : `${safe.slice(0, width - 1)}…`;
}

/** Sanitized, one paragraph, not cut: for messages that must be read whole (Ink wraps them). */
export function safe(text: string): string {
  return sanitizeLine(text);
}

/** Sanitized and broken into lines of at most `width` columns, at spaces where it can: for reasons read whole. */
export function wrap(text: string, width: number): string[] {
  const room = Math.max(1, width);
  const lines: string[] = [];
  let rest = sanitizeLine(text);
  while (rest.length > room) {
    const space = rest.lastIndexOf(' ', room);
    lines.push(rest.slice(0, space > 0 ? space : room));
    rest = rest.slice(space > 0 ? space + 1 : room);
  }
  lines.push(rest);
  return lines;
}

/** Sanitized and padded or cut to exactly `width` columns, for table cells. */
export function cell(text: string, width: number): string {
  return clip(text, width).padEnd(width);
}

/** 100000 -> "100,000". Not toLocaleString: its first call sets up ICU number formatting, ~6-20 ms at start-up. */
export function formatCount(n: number): string {
  const digits = String(Math.trunc(Math.abs(n)));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) out = (end > 3 ? ',' : '') + digits.slice(Math.max(0, end - 3), end) + out;
  return (n < 0 ? '-' : '') + out;
}

export { formatBytes } from '../common/format-bytes.js';
