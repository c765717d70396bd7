// Run by parsers.bench.ts in its own process (node --expose-gc): reads one file, parses it with parseSbom and
// prints peak RSS growth, retained heap and the parse time, so the figures are not blurred by the benchmark
// process's own garbage, and the time is that of a first parse (code not yet optimized, heap still growing).
// With `json-parse` after the file: only the time plain JSON.parse takes on it in a fresh process (the baseline).
import { readFileSync, statSync } from 'node:fs';
import { readSbomInput } from '../../src/cli/read-sbom-file.js';
import { parseSbom } from '../../parsers/index.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const file = process.argv[2]!;
if (process.argv[3] === 'json-parse') {
  const text = readFileSync(file, 'utf8');
  const start = performance.now();
  JSON.parse(text);
  process.stdout.write(`${JSON.stringify({ parseMs: performance.now() - start })}\n`);
  process.exit(0);
}
gc();
const rssBefore = process.memoryUsage().rss;
const heapBefore = process.memoryUsage().heapUsed;
const bytes = statSync(file).size;
// Read as `kube-sbom inspect` reads (the bytes, then one decode of plain UTF-8) and parse.
const input = await readSbomInput(file, 2 ** 31);
const start = performance.now();
const result = parseSbom(input, { fileName: file, maxBytes: 2 ** 31 });
const parseMs = performance.now() - start;
const peakRss = process.resourceUsage().maxRSS * 1024;
gc();
const retainedHeap = process.memoryUsage().heapUsed - heapBefore;
process.stdout.write(
  `${JSON.stringify({
    bytes,
    peakRssGrowth: peakRss - rssBefore,
    retainedHeap,
    parseMs,
    packages: result.document.packages.length,
    files: result.document.files.length,
    errors: result.diagnostics.filter((d) => d.severity === 'error').length,
  })}\n`,
);
