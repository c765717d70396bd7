// A cache index entry is one line of JSON: one that is too large (or endless, like a FIFO planted in the cache) is
// treated as corrupt, removed and reported, never read into memory whole.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FetchCache } from '../../src/fetch/cache.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('FetchCache index entries', () => {
  it('an oversized entry is a corrupt miss, and is removed', async () => {
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-cache-limit-'));
    const key = 'https://dl.k8s.io/release/v1.99.0/bin/linux/amd64/kubectl';
    // Where the cache keeps the entry for this key (index/<sha256 of the key>.json).
    const entry = join(dir, 'index', `${createHash('sha256').update(key).digest('hex')}.json`);
    await mkdir(join(dir, 'index'), { recursive: true });
    await writeFile(entry, `{"padding":"${'x'.repeat(1 << 20)}"}\n`);
    const read = await new FetchCache(dir).read(key, join(dir, 'out'), 1024);
    expect(read).toMatchObject({ hit: false, corrupt: expect.stringMatching(/limit/) });
    expect(existsSync(entry)).toBe(false);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
