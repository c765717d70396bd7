// Memory: for each format, a document whose one value is as large as --max-size (default 512 MiB) and V8's longest
// string let it be, read by `kube-sbom inspect` in its own process: peak RSS against the input (issue 19, item 5).
import { constants as bufferConstants } from 'node:buffer';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_MAX_BYTES } from '../../parsers/index.js';
import type { Spdx2Format as SbomFormat } from '../../parsers/model.js';
import { runCliMeasured } from '../helpers/peak-rss.js';
import { largestValueWithin, writeSingleValueSbom } from '../helpers/single-value-sbom.js';
import type { BenchRow, BenchSuite } from './harness.js';

const MB = 1024 * 1024;
const FORMATS: SbomFormat[] = ['tag-value', 'json', 'yaml', 'xml', 'rdf-xml'];
// A document is decoded to one string, so past MAX_STRING_LENGTH (24 bytes under 512 MiB) it is refused however small the limit.
const LARGEST_DOCUMENT = Math.min(DEFAULT_MAX_BYTES, bufferConstants.MAX_STRING_LENGTH);

async function row(dir: string, format: SbomFormat, documentBytes: number, label: string): Promise<BenchRow> {
  const file = join(dir, `single-value.${format}`);
  try {
    const size = writeSingleValueSbom(file, format, largestValueWithin(format, documentBytes));
    const start = performance.now();
    const run = await runCliMeasured(['inspect', file, '--json', '--input-format', format], { timeoutMs: 600_000 });
    const ms = performance.now() - start;
    const errors = run.code === 0 ? (JSON.parse(run.stdout) as { diagnostics: { severity: string }[] }).diagnostics.filter((d) => d.severity === 'error') : [];
    const outcome = run.code === 0 ? `${errors.length} error diagnostics` : `FAILED exit ${run.code}: ${run.stderr.split('\n')[0]}`;
    return {
      case: `${format}: one value, ${label} document (${size} bytes), inspect --json`,
      medianMs: ms,
      runs: 1,
      target: '< 4x input',
      note: `peak RSS ${(run.peakRss / MB).toFixed(0)} MB = ${(run.peakRss / size).toFixed(2)}x input (whole process); ${outcome}`,
    };
  } finally {
    rmSync(file, { force: true });
  }
}

const suite: BenchSuite = {
  title: 'Memory: the largest single value each format holds within --max-size (peak RSS of kube-sbom inspect)',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'kube-sbom-bench-values-'));
    const rows: BenchRow[] = [];
    try {
      // One process at a time: each may take a few times half a gigabyte.
      for (const format of FORMATS) rows.push(await row(dir, format, 150 * MB, '150 MB (the issue)'));
      for (const format of FORMATS) rows.push(await row(dir, format, LARGEST_DOCUMENT, 'largest possible'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return rows;
  },
};

export default suite;
