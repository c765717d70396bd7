// The tool's own version, read from package.json so that --version never drifts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';

export function packageVersion(): string {
  try {
    const root = packageRoot(import.meta.url);
    if (root === undefined) return 'unknown';
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
