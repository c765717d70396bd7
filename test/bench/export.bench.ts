// export: SPDX 2.3 JSON and CycloneDX 1.6 JSON written from a parsed, generated document (no target in the issue;
// figures for review). Baselines in the same run: JSON.stringify of the model itself, and the parse that made it.
import { readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSbom } from '../../parsers/index.js';
import { documentToCycloneDx } from '../../src/export/cyclonedx-bom.js';
import { documentToSpdxJson } from '../../src/export/spdx-json.js';
import { writeTagValue } from './generate-sbom.js';
import { measure, type BenchRow, type BenchSuite } from './harness.js';

const BYTES = Number(process.env.KUBE_SBOM_BENCH_EXPORT_BYTES ?? 50 * 1024 * 1024);
const RUNS = Number(process.env.KUBE_SBOM_BENCH_RUNS ?? 5);

async function rows(): Promise<BenchRow[]> {
  const path = join(tmpdir(), `kube-sbom-bench-export-${process.pid}.spdx`);
  try {
    const elements = writeTagValue(path, BYTES);
    const size = `${(statSync(path).size / 1024 / 1024).toFixed(0)} MiB tag-value, ${elements} elements`;
    const bytes = readFileSync(path);
    const parse = await measure(() => parseSbom(bytes, { fileName: path }), { runs: RUNS, warmup: 1, settle: true });
    const doc = parseSbom(bytes, { fileName: path }).document;
    const stringify = await measure(() => JSON.stringify(doc, null, 2).length, { runs: RUNS, warmup: 1, settle: true });
    const spdx = await measure(() => documentToSpdxJson(doc).text.length, { runs: RUNS, warmup: 1, settle: true });
    const cdx = await measure(() => documentToCycloneDx(doc).text.length, { runs: RUNS, warmup: 1, settle: true });
    const ratio = (ms: number) => `${(ms / stringify.medianMs).toFixed(2)}x JSON.stringify of the model; ${(ms / parse.medianMs).toFixed(2)}x the parse`;
    return [
      { case: `baseline: parse (${size})`, medianMs: parse.medianMs, runs: parse.runs },
      { case: 'baseline: JSON.stringify(model, null, 2)', medianMs: stringify.medianMs, runs: stringify.runs },
      { case: 'documentToSpdxJson', medianMs: spdx.medianMs, runs: spdx.runs, note: ratio(spdx.medianMs) },
      { case: 'documentToCycloneDx', medianMs: cdx.medianMs, runs: cdx.runs, note: ratio(cdx.medianMs) },
    ];
  } finally {
    rmSync(path, { force: true });
  }
}

const suite: BenchSuite = { title: 'export: SPDX 2.3 JSON and CycloneDX 1.6 JSON writers', run: rows };
export default suite;
