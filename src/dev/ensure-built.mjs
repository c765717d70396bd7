// Makes `npm start`, `npm test` and `npm run bench` work from a fresh clone: install if needed, then compile and bundle.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

const marker = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');
// npm writes node_modules/.package-lock.json on install; an older one means package-lock.json changed since.
if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
  console.error('kube-sbom: installing dependencies (npm ci) ...');
  run(npm, ['ci', '--no-audit', '--no-fund']);
} else {
  run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.json')]);
  // The shipped CLI is the bundle of the compiled program (npm ci's prepare step builds it too).
  run(process.execPath, [join(root, 'src', 'dev', 'bundle.mjs')]);
}
