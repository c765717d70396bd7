// Durations as users type them (--timeout 30s, 5m, 1h, 1500ms) and as messages print them.
import { usageError } from './errors.js';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds for `90s`, `5m`, `1h`, `250ms` or bare seconds (`30`); a usage error names the flag otherwise. */
export function parseDuration(text: string, flag: string, minMs = 100, maxMs = 24 * 3_600_000): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  const ms = m ? Math.round(Number(m[1]) * UNITS[m[2] ?? 's']!) : NaN;
  if (!Number.isFinite(ms) || ms < minMs || ms > maxMs) {
    throw usageError('OPTION_INVALID', `${flag} ${text}: give a duration from ${formatDuration(minMs)} to ${formatDuration(maxMs)}, e.g. 30s, 5m or 1h`);
  }
  return ms;
}

/** `250ms`, `90s`, `10m`, `2h`: the largest unit that is exact, so --timeout accepts it back. */
export function formatDuration(ms: number): string {
  if (ms % 1000 !== 0) return `${ms}ms`;
  const s = ms / 1000;
  if (s % 60 !== 0) return `${s}s`;
  return s % 3600 === 0 ? `${s / 3600}h` : `${s / 60}m`;
}
