// SHA-256 + SHA-512 of a 1 GB file in one streaming pass, against `sha256sum` then `sha512sum` on the same file.
// Target (issue 4): at most 1.3x the coreutils pair, with flat memory. The file lives in os.tmpdir() and is deleted.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { digestFile } from '../../src/integrity/digest.js';
import { measure, type BenchRow, type BenchSuite } from './harness.js';

const run = promisify(execFile);
const SIZE = Number(process.env.KUBE_SBOM_BENCH_BYTES ?? 1024 ** 3);
const RUNS = Number(process.env.KUBE_SBOM_BENCH_RUNS ?? 5);

async function makeFile(path: string): Promise<void> {
  const block = randomBytes(16 * 1024 * 1024);
  const handle = await open(path, 'w');
  try {
    for (let written = 0; written < SIZE; written += block.length) {
      await handle.write(block, 0, Math.min(block.length, SIZE - written));
    }
  } finally {
    await handle.close();
  }
}

/** Peak RSS and its growth over the baseline while fn runs, sampled every 10 ms. */
async function peakRss(fn: () => Promise<unknown>): Promise<{ growth: number; peak: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  return { growth: peak - base, peak };
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

const suite: BenchSuite = {
  title: `integrity: SHA-256 + SHA-512 of a ${mib(SIZE)} file (page-cached), one pass vs sha256sum then sha512sum`,
  async run(): Promise<BenchRow[]> {
    const path = join(tmpdir(), `kube-sbom-bench-${process.pid}.bin`);
    try {
      await makeFile(path);
      const coreutils = await measure(
        async () => {
          await run('sha256sum', [path]);
          await run('sha512sum', [path]);
        },
        { runs: RUNS, warmup: 1 },
      );
      const only256 = await measure(() => run('sha256sum', [path]), { runs: RUNS, warmup: 0 });
      const rows: BenchRow[] = [
        { case: 'sha256sum then sha512sum (baseline)', medianMs: coreutils.medianMs, runs: RUNS, note: `${rate(coreutils.medianMs)}` },
        { case: 'sha256sum alone', medianMs: only256.medianMs, runs: RUNS, note: rate(only256.medianMs) },
      ];
      for (const chunk of [64 * 1024, 1024 * 1024, 4 * 1024 * 1024]) {
        const ours = await measure(() => digestFile(path, { chunkSize: chunk }), { runs: RUNS, warmup: 1 });
        const mem = await peakRss(() => digestFile(path, { chunkSize: chunk }));
        rows.push({
          case: `digestFile one pass, ${chunk / 1024} KiB chunks`,
          medianMs: ours.medianMs,
          runs: RUNS,
          target: '<= 1.3x baseline',
          note: `${(ours.medianMs / coreutils.medianMs).toFixed(2)}x baseline, ${rate(ours.medianMs)}, RSS peak ${mib(mem.peak)} (+${mib(mem.growth)} during the pass)`,
        });
      }
      return rows;
    } finally {
      await rm(path, { force: true });
    }
  },
};

function rate(ms: number): string {
  return `${(SIZE / 1024 / 1024 / (ms / 1000)).toFixed(0)} MiB/s`;
}

export default suite;
