// The reused read buffer of the signature step: right bytes for files of any size in turn, one buffer for all.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reusableReader } from '../../src/verify/artifact-reader.js';

describe('reusableReader', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-reader-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads each file whole, reusing one buffer when the next file is no larger', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 17, 'b');
    const small = Buffer.from('small artifact');
    await writeFile(join(dir, 'big'), big);
    await writeFile(join(dir, 'small'), small);
    await writeFile(join(dir, 'empty'), '');
    const read = reusableReader();
    const first = await read(join(dir, 'big'));
    expect(first.equals(big)).toBe(true);
    const second = await read(join(dir, 'small'));
    expect(second.toString()).toBe('small artifact');
    expect(second.buffer).toBe(first.buffer);
    expect((await read(join(dir, 'empty'))).length).toBe(0);
    expect((await read(join(dir, 'big'))).equals(big)).toBe(true);
    await expect(read(join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
