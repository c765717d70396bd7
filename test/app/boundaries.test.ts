// The front ends never import each other, and what sits below them imports neither: the layering the
// architecture promises, checked on every import (static, dynamic and type-only) of every source file.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/cli.js';

const src = join(projectRoot, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** Every relative module a file imports, as a path under src/ (e.g. `cli/program.js`). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) =>
      relative(src, resolve(dirname(file), s))
        .split(sep)
        .join('/'),
    );
}

function offending(from: string, forbidden: string[]): string[] {
  return sourceFiles(join(src, from)).flatMap((file) =>
    importsOf(file)
      .filter((target) => forbidden.some((f) => target === f || target.startsWith(`${f}/`)))
      .map((target) => `${relative(src, file)} -> ${target}`),
  );
}

describe('import boundaries', () => {
  it('finds imports of every form (so an empty answer below means something)', () => {
    expect(importsOf(join(src, 'main.ts'))).toEqual(expect.arrayContaining(['app/ui-launch.js', 'cli/program.js', 'tui/launch.js']));
  });

  it('src/cli imports nothing from src/tui, and src/tui nothing from src/cli', () => {
    expect(offending('cli', ['tui'])).toEqual([]);
    expect(offending('tui', ['cli'])).toEqual([]);
  });

  it('the use cases below the front ends import neither of them', () => {
    for (const below of ['app', 'verify', 'sbom', 'k8s', 'fetch', 'integrity', 'sigstore', 'registry', 'export', 'common']) {
      expect(offending(below, ['cli', 'tui', 'main.js']), below).toEqual([]);
    }
  });
});
