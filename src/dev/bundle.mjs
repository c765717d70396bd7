// Bundles the compiled program (dist/src/main.js) into dist/bundle/: kube-sbom.mjs plus lazily loaded chunks.
// Why: loading Ink's module graph file by file costs ~700 ms; a tree-shaken bundle loads in about half that.
// Run after tsc (the build, prepare and ensure-built steps do). The bundle is what `bin` and the CLI tests run.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const entry = join(root, 'dist', 'src', 'main.js');
const outDir = join(root, 'dist', 'bundle');
const emptyModule = join(dirname(fileURLToPath(import.meta.url)), 'empty-module.mjs');

// Others may be running the CLI while this builds: write elsewhere, then move each file in with an atomic rename.
mkdirSync(join(root, 'dist'), { recursive: true });
const staging = mkdtempSync(join(root, 'dist', '.bundle-'));
try {
  const result = await build({
    entryPoints: { 'kube-sbom': entry },
    outdir: staging,
    bundle: true,
    splitting: true, // keeps each command's `await import(...)` lazy: `--help` does not load Ink or sigstore
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    // React and Ink in their production builds; the tui command asked for that at run time already.
    define: { 'process.env.NODE_ENV': '"production"' },
    // Ink imports react-devtools-core only when DEV=true; it is not a dependency of ours.
    alias: { 'react-devtools-core': emptyModule },
    // CommonJS dependencies call require(); ESM output has none of its own. Every chunk gets this line, so the real
    // require is made on first use: createRequire in each of the ~45 chunks the UI loads cost ~10-25 ms at start-up.
    banner: {
      js: "import { createRequire as __kubeSbomCreateRequire } from 'node:module'; let __kubeSbomRequire; const require = function (id) { __kubeSbomRequire ??= __kubeSbomCreateRequire(import.meta.url); return __kubeSbomRequire.apply(this, arguments); };",
    },
    legalComments: 'none',
    // The tui command still sets NODE_ENV at run time (for the unbundled program and for child processes): harmless here.
    logOverride: { 'assign-to-define': 'silent' },
    metafile: true,
    logLevel: 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs).map((file) => relative(staging, join(root, file)));
  // Chunks first, the entry last: a process started meanwhile never finds an entry without its chunks.
  outputs.sort((a, b) => Number(a.startsWith('kube-sbom')) - Number(b.startsWith('kube-sbom')));
  mkdirSync(join(outDir, 'chunks'), { recursive: true });
  for (const file of outputs) renameSync(join(staging, file), join(outDir, file));
  pruneStaleChunks(new Set(outputs));
} finally {
  rmSync(staging, { recursive: true, force: true });
}

// Chunk names carry a content hash, so old ones pile up; a process started just before this build may still load
// them lazily, so only chunks untouched for an hour go.
function pruneStaleChunks(current) {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(join(outDir, 'chunks'))) {
    const file = join(outDir, 'chunks', name);
    if (!current.has(join('chunks', name)) && statSync(file).mtimeMs < hourAgo) rmSync(file, { force: true });
  }
}
