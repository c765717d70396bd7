// The Export screen writes through the one output writer: a read-only file in the export folder is not replaced.
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportToDir } from '../../../src/tui/adapters/export.js';
import type { SbomView } from '../../../src/tui/ports.js';

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
});
