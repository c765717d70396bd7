// The CycloneDX JSON reader on a generated 100 MB BOM against JSON.parse of the same text (issue 18: within 1.5x).
// Its own suite so that `npm run bench parsers-cyclonedx` runs it alone; `npm run bench parsers` still includes it.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DiagnosticSink } from '../../parsers/diagnostics.js';
import { parseCycloneDxJson } from '../../parsers/json.js';
import { writeCycloneDxJson } from './generate-sbom.js';
import { median, settleHeap, type BenchRow, type BenchSuite } from './harness.js';

const MB = 1024 * 1024;
const RUNS = 7;
const WARMUP = 2;

/** Times one call from a collected heap, as the first parse in a process would run. */
async function timed(fn: () => unknown): Promise<number> {
  await settleHeap();
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/**
 * JSON.parse and our reader alternate run by run, so that load on a shared machine falls on both alike; the ratio
 * is the median of the per-pair ratios as well as the ratio of the medians.
 */
export async function cycloneDxRows(dir: string): Promise<BenchRow[]> {
  const path = join(dir, 'generated-100mb.cdx.json');
  const count = writeCycloneDxJson(path, 100 * MB);
  const text = readFileSync(path, 'utf8');
  const mb = statSync(path).size / MB;
  const parse = () => JSON.parse(text) as unknown;
  const ours = () => parseCycloneDxJson(text, new DiagnosticSink());
  for (let i = 0; i < WARMUP; i++) {
    await timed(parse);
    await timed(ours);
  }
  const baseline: number[] = [];
  const reader: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    baseline.push(await timed(parse));
    reader.push(await timed(ours));
  }
  const pairRatio = median(reader.map((ms, i) => ms / baseline[i]!));
  return [
    {
      case: `CycloneDX JSON (${mb.toFixed(0)} MB, ${count} components): JSON.parse baseline`,
      medianMs: median(baseline),
      runs: RUNS,
      note: `${(mb / (median(baseline) / 1000)).toFixed(0)} MB/s`,
    },
    {
      case: 'same CycloneDX JSON: parseCycloneDxJson',
      medianMs: median(reader),
      runs: RUNS,
      target: 'within 1.5x of JSON.parse',
      note: `${(median(reader) / median(baseline)).toFixed(2)}x JSON.parse (median of pair ratios ${pairRatio.toFixed(2)}x)`,
    },
  ];
}

const suite: BenchSuite = {
  title: 'CycloneDX JSON reader (parsers/cyclonedx) against JSON.parse',
  async run() {
    const rows: BenchRow[] = [];
    // Wall-clock medians scale with the load of a shared machine, so the load is part of the table.
    rows.push({ case: 'machine: load average (1 min) / cores', medianMs: NaN, runs: 0, note: `${loadavg()[0]!.toFixed(1)} / ${cpus().length}` });
    const dir = mkdtempSync(join(tmpdir(), 'kube-sbom-bench-'));
    try {
      rows.push(...(await cycloneDxRows(dir)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    rows.push({ case: 'machine: load average (1 min) / cores, at the end', medianMs: NaN, runs: 0, note: `${loadavg()[0]!.toFixed(1)} / ${cpus().length}` });
    return rows;
  },
};
export default suite;
