// The one bounded reader for user-named files: regular files, devices, FIFOs and /proc files alike stop at the limit.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocumentInput } from '../../src/app/read-file.js';
import { readLimited } from '../../src/common/read-limited.js';

describe('readLimited', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kube-sbom-read-limited-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a regular file at the limit and refuses one byte more, with the hint', async () => {
    const path = join(dir, 'file');
    writeFileSync(path, 'x'.repeat(100));
    expect((await readLimited(path, { maxBytes: 100 })).toString()).toBe('x'.repeat(100));
    await expect(readLimited(path, { maxBytes: 99, hint: 'split it' })).rejects.toMatchObject({
      code: 'INPUT_TOO_LARGE',
      exitCode: 3,
      message: `${path}: larger than the 99 B limit; split it`,
    });
  });

  it('stops an endless device at the limit, and reads an empty one', async () => {
    await expect(readLimited('/dev/zero', { maxBytes: 3 * 1024 * 1024 })).rejects.toMatchObject({ code: 'INPUT_TOO_LARGE', exitCode: 3 });
    expect((await readLimited('/dev/null', { maxBytes: 10 })).length).toBe(0);
  });

  it('reads a FIFO to its end when it stays under the limit', async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const data = Buffer.alloc(200_000, 7);
    const writer = (async () => {
      const handle = await open(fifo, 'w');
      await handle.writeFile(data);
      await handle.close();
    })();
    const read = await readLimited(fifo, { maxBytes: 200_000 });
    await writer;
    expect(read.equals(data)).toBe(true);
  });

  it('names a missing file and a directory with their own codes', async () => {
    await expect(readLimited(join(dir, 'missing'), { maxBytes: 10 })).rejects.toMatchObject({ code: 'FILE_NOT_FOUND', exitCode: 3 });
    await expect(readLimited(dir, { maxBytes: 10 })).rejects.toMatchObject({ code: 'IS_A_DIRECTORY', exitCode: 3 });
  });

  it('bounds a file that states no size (/proc): documents too', async () => {
    // /proc/self/maps is a regular file of size 0 that holds far more than 16 bytes.
    await expect(readLimited('/proc/self/maps', { maxBytes: 16 })).rejects.toMatchObject({ code: 'INPUT_TOO_LARGE' });
    await expect(readDocumentInput('/proc/self/maps', 16)).rejects.toMatchObject({ code: 'INPUT_TOO_LARGE' });
  });
});
