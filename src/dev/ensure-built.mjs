// Makes `npm start`, `npm test` and `npm run bench` work from a fresh clone: install if needed, then compile and
// bundle, unless the build is already newer than every source.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

const bundle = join(root, 'dist', 'bundle', 'kube-sbom.mjs');
/** Compiled outputs that `npm run bench` and `npm run samples` run directly. */
const compiledEntries = [join(root, 'dist', 'test', 'bench', 'run.js'), join(root, 'dist', 'test', 'helpers', 'samples', 'generate.js')];
const SOURCE_DIRS = ['src', 'parsers', 'test'];
const SOURCE = /\.(ts|tsx|mjs)$/;

/** The newest modification time of the files the build reads (sources, package and compiler settings). */
function newestSource(installMarker) {
  let newest = 0;
  const note = (path) => {
    const t = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (t > newest) newest = t;
  };
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (SOURCE.test(entry.name)) note(path);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(join(root, dir))) walk(join(root, dir));
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.json']) note(join(root, file));
  // Rewritten by every install: dependencies that changed under an unchanged lock file rebuild too.
  note(installMarker);
  return newest;
}

/**
 * Whether the last build is newer than every source. The bundle is written last, after tsc; tsc's incremental
 * emit leaves unchanged outputs (the bench and samples entries) with older times, so those only have to exist.
 */
function upToDate(installMarker) {
  const built = statSync(bundle, { throwIfNoEntry: false })?.mtimeMs;
  if (built === undefined || !compiledEntries.every((p) => existsSync(p))) return false;
  return built > newestSource(installMarker);
}

const modules = join(root, 'node_modules');
const marker = join(modules, '.package-lock.json');
const lock = join(root, 'package-lock.json');
// npm writes node_modules/.package-lock.json on install; an older one means package-lock.json changed since.
const installStale = !existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs;
// A linked node_modules is another checkout's install: npm ci here would empty it for every checkout using it.
const linked = existsSync(modules) && lstatSync(modules).isSymbolicLink();
if (installStale && linked) {
  console.error("kube-sbom: node_modules links to another checkout's install, older than this package-lock.json; using it as it is (npm ci there updates it)");
}
if (installStale && !linked) {
  console.error('kube-sbom: installing dependencies (npm ci) ...');
  run(npm, ['ci', '--no-audit', '--no-fund']);
} else if (!upToDate(marker)) {
  // tsc's incremental state does not notice a deleted output: without it, tsc writes every output again.
  if (!compiledEntries.every((p) => existsSync(p))) rmSync(join(root, 'dist', '.tsbuildinfo'), { force: true });
  run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.json')]);
  // The shipped CLI is the bundle of the compiled program (npm ci's prepare step builds it too).
  run(process.execPath, [join(root, 'src', 'dev', 'bundle.mjs')]);
}
