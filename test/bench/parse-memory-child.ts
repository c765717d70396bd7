// Run by parsers.bench.ts in its own process (node --expose-gc): reads one file, parses it with parseSbom and
// prints peak RSS growth and retained heap, so the figure is not blurred by the benchmark process's own garbage.
import { statSync } from 'node:fs';
import { readSbomInput } from '../../src/cli/read-sbom-file.js';
import { parseSbom } from '../../parsers/index.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const file = process.argv[2]!;
gc();
const rssBefore = process.memoryUsage().rss;
const heapBefore = process.memoryUsage().heapUsed;
const bytes = statSync(file).size;
// Read as `kube-sbom inspect` reads (plain UTF-8 straight into a string) and parse.
const result = parseSbom(await readSbomInput(file, 2 ** 31), { fileName: file, maxBytes: 2 ** 31 });
const peakRss = process.resourceUsage().maxRSS * 1024;
gc();
const retainedHeap = process.memoryUsage().heapUsed - heapBefore;
process.stdout.write(`${JSON.stringify({
  bytes,
  peakRssGrowth: peakRss - rssBefore,
  retainedHeap,
  packages: result.document.packages.length,
  files: result.document.files.length,
  errors: result.diagnostics.filter((d) => d.severity === 'error').length,
})}\n`);
