// Run by parsers.bench.ts in its own process (node --expose-gc): reads one file, parses it with parseSbom and
// prints peak RSS growth and retained heap, so the figure is not blurred by the benchmark process's own garbage.
import { readFileSync, statSync } from 'node:fs';
import { parseSbom } from '../../parsers/index.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const file = process.argv[2]!;
gc();
const rssBefore = process.memoryUsage().rss;
const heapBefore = process.memoryUsage().heapUsed;
const bytes = statSync(file).size;
// The bytes go straight in (as the CLI passes them), so the parser may drop them once decoded.
const result = parseSbom(readFileSync(file), { fileName: file, maxBytes: 2 ** 31 });
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
