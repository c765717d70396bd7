// A one-line download progress bar for the CLI: drawn on stderr when it is a TTY, silent otherwise (CI logs, pipes).
import { sanitizeLine } from '../common/sanitize.js';
import { formatBytes, type FetchEvent, type FetchEventListener } from './types.js';

export interface ProgressTarget {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** Pure: the line shown for one progress event, fitted to `width` columns. */
export function progressLine(event: Extract<FetchEvent, { type: 'download-progress' }>, width = 80): string {
  const rate = `${formatBytes(Math.round(event.bytesPerSecond))}/s`;
  const label = sanitizeLine(event.label);
  if (event.totalBytes === undefined || event.totalBytes === 0) {
    return fit(`${label}  ${formatBytes(event.bytesDone)}  ${rate}`, width);
  }
  const ratio = Math.min(event.bytesDone / event.totalBytes, 1);
  const pct = `${Math.floor(ratio * 100)}%`.padStart(4);
  const counts = `${formatBytes(event.bytesDone)}/${formatBytes(event.totalBytes)}`;
  const fixed = `${label}  ${pct}  ${counts}  ${rate}`;
  const barWidth = Math.min(30, width - fixed.length - 5);
  if (barWidth < 5) return fit(fixed, width);
  const filled = Math.round(ratio * barWidth);
  return fit(`${label} [${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${pct}  ${counts}  ${rate}`, width);
}

function fit(text: string, width: number): string {
  return text.length <= width - 1 ? text : `${text.slice(0, Math.max(0, width - 2))}…`;
}

/** A listener drawing the bar on `target`; retries and corrupt cache entries get their own line. */
export function createProgressBar(target: ProgressTarget = process.stderr): FetchEventListener {
  if (!target.isTTY) return () => undefined;
  let drawn = false;
  const clear = () => {
    if (drawn) target.write('\r\u001b[2K');
    drawn = false;
  };
  return (event) => {
    switch (event.type) {
      case 'download-progress':
        // Some terminals (and `script`) report 0 columns: fall back to 80.
        target.write(`\r\u001b[2K${progressLine(event, target.columns && target.columns >= 20 ? target.columns : 80)}`);
        drawn = true;
        break;
      case 'download-retry':
        clear();
        target.write(
          `${sanitizeLine(event.label)}: ${sanitizeLine(event.reason)}; retry ${event.attempt - 1} in ${event.delayMs} ms${event.resumeFrom ? `, continuing from ${formatBytes(event.resumeFrom)}` : ''}\n`,
        );
        break;
      case 'cache-corrupt':
        clear();
        target.write(`${sanitizeLine(event.label)}: cache entry dropped (${sanitizeLine(event.reason)}); downloading again\n`);
        break;
      case 'download-done':
        clear();
        break;
      default:
        break;
    }
  };
}
