// Shared timing helpers for `npm run bench`: medians of several runs, tables of figures, no pass/fail.
import { performance } from 'node:perf_hooks';

export interface Timing {
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
}

export interface BenchRow {
  /** What was measured. */
  case: string;
  /** Median of the runs, milliseconds. */
  medianMs: number;
  runs: number;
  /** The target from the issue, e.g. "< 10 ms". */
  target?: string;
  /** Free text: throughput, ratio against a baseline measured in the same run, memory. */
  note?: string;
}

export interface BenchSuite {
  title: string;
  run: () => Promise<BenchRow[]>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Collects garbage (when node runs with --expose-gc) and lets the collector's helper threads finish, so that a run
 * of a large parse does not also pay for collecting the model the run before it left behind.
 */
export async function settleHeap(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  gc();
  await new Promise((resolve) => setTimeout(resolve, 50));
}

/**
 * Runs fn `warmup` times unmeasured, then `runs` times measured. `settle`: each run starts from a collected heap
 * (see settleHeap), as the first parse in a process does.
 */
export async function measure(fn: () => unknown, options: { runs?: number; warmup?: number; settle?: boolean } = {}): Promise<Timing> {
  const runs = options.runs ?? 7;
  for (let i = 0; i < (options.warmup ?? 2); i++) {
    if (options.settle) await settleHeap();
    await fn();
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (options.settle) await settleHeap();
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return { medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), runs };
}

export function formatTable(title: string, rows: BenchRow[]): string {
  const header = ['case', 'median ms', 'runs', 'target', 'note'];
  const body = rows.map((r) => [r.case, r.medianMs.toFixed(2), String(r.runs), r.target ?? '', r.note ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [`### ${title}`, line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
