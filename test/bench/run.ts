// `npm run bench`: runs every suite in this folder (files named *.bench.js after compiling) and prints tables.
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatTable, type BenchSuite } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.js'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

for (const file of files) {
  const mod = (await import(pathToFileURL(`${here}/${file}`).href)) as { default: BenchSuite };
  const suite = mod.default;
  try {
    const rows = await suite.run();
    console.log(`${formatTable(suite.title, rows)}\n`);
  } catch (err) {
    console.log(`### ${suite.title}\nfailed to run: ${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}
