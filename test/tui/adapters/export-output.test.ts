// The Export screen writes through the one output writer: a read-only file in the export folder is not replaced.
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportToDir } from '../../../src/tui/adapters/export.js';
import type { SbomView } from '../../../src/tui/ports.js';
import { fixtureView } from '../fixture.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kube-sbom-tui-export-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const view = { source: 'test.spdx' } as SbomView;

describe('exportToDir', () => {
  it('refuses to replace a read-only export (exit 3) and leaves it; writes a new one', async () => {
    const path = join(dir, 'kube-sbom-verification.txt');
    await writeFile(path, 'earlier report\n');
    await chmod(path, 0o444);
    await expect(exportToDir(dir, view, { kind: 'report', format: 'txt', results: [] })).rejects.toMatchObject({ code: 'OUTPUT_READ_ONLY', exitCode: 3 });
    expect(await readFile(path, 'utf8')).toBe('earlier report\n');
    const json = await exportToDir(dir, view, { kind: 'report', format: 'json', results: [] });
    expect(JSON.parse(await readFile(json.path, 'utf8'))).toEqual({ verified: true, source: 'test.spdx', images: [] });
  });

  it('writes Markdown as `images --format md` does, to the folder and name the user chose', async () => {
    const target = join(dir, 'chosen', 'v1.2.3.md');
    const fixture = fixtureView();
    const references = fixture.images.map((i) => i.reference);
    await expect(exportToDir(dir, fixture, { kind: 'images', format: 'md', pinned: false, references, digests: {} }, target)).rejects.toMatchObject({
      exitCode: 3,
    });
    await mkdir(join(dir, 'chosen'));
    const result = await exportToDir(dir, fixture, { kind: 'images', format: 'md', pinned: false, references, digests: {} }, target);
    expect(result).toEqual({ path: target, count: 4 });
    const text = await readFile(target, 'utf8');
    expect(text).toMatch(/^# Images of Kubernetes v1\.2\.3/);
    expect(text).toContain('| `registry.k8s.io/kube-apiserver-amd64:v1.2.3` | amd64 |');
  });
});
