// What a named source is: decided once for both front ends; an existing file always wins over a version.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isUrl, sourceOf } from '../../src/app/source-kind.js';

describe('sourceOf', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kube-sbom-source-kind-'));
  const startDir = process.cwd();
  beforeAll(() => {
    writeFileSync(join(dir, 'stable'), 'SPDXVersion: SPDX-2.3\n');
    writeFileSync(join(dir, 'v1.29.0'), 'SPDXVersion: SPDX-2.3\n');
  });
  afterEach(() => process.chdir(startDir));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a version spec as a release when no such file exists', () => {
    for (const version of ['stable', 'latest', 'latest-1.29', 'stable-1.25', 'v1.29.0']) {
      expect(sourceOf(version)).toEqual({ kind: 'release', version });
    }
  });

  it('reads an existing file named like a version as that file (./stable, stable, v1.29.0)', () => {
    process.chdir(dir);
    expect(sourceOf('stable')).toEqual({ kind: 'file', path: 'stable' });
    expect(sourceOf('./stable')).toEqual({ kind: 'file', path: './stable' });
    expect(sourceOf('v1.29.0', { urls: true })).toEqual({ kind: 'file', path: 'v1.29.0' });
    expect(sourceOf('latest')).toEqual({ kind: 'release', version: 'latest' });
  });

  it('reads a URL as a URL only where the front end takes URLs; anything else is a file', () => {
    expect(sourceOf('https://example.org/release.spdx', { urls: true })).toEqual({ kind: 'url', url: 'https://example.org/release.spdx' });
    expect(sourceOf('file:///tmp/x.spdx', { urls: true })).toEqual({ kind: 'url', url: 'file:///tmp/x.spdx' });
    expect(sourceOf('https://example.org/release.spdx')).toEqual({ kind: 'file', path: 'https://example.org/release.spdx' });
    expect(sourceOf('v1.x')).toEqual({ kind: 'file', path: 'v1.x' });
    expect(sourceOf('no-such-file.spdx', { urls: true })).toEqual({ kind: 'file', path: 'no-such-file.spdx' });
  });

  it('tells URLs by their scheme', () => {
    expect(isUrl('HTTP://x/y')).toBe(true);
    expect(isUrl('ftp://x/y')).toBe(false);
    expect(isUrl('release.spdx')).toBe(false);
  });
});
