// The --max-size grammar: `512MiB`, `100MB`, `1g`, `4096`.
import { usageError } from '../common/errors.js';

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1e3, kb: 1e3, kib: 1024, m: 1e6, mb: 1e6, mib: 1024 ** 2, g: 1e9, gb: 1e9, gib: 1024 ** 3 };

/** A byte count, or a usage error (exit 2). */
export function parseSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined || Number(m[1]) <= 0) {
    throw usageError('BAD_SIZE', `--max-size ${JSON.stringify(text)} is not a size; use e.g. 512MiB, 100MB or 1048576`);
  }
  return Math.floor(Number(m[1]) * unit);
}
