import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Fetcher } from '../../src/fetch/fetcher.js';
import { lookupRekorEntry } from '../../src/fetch/rekor-lookup.js';
import { signBlob, sha256Hex } from '../helpers/pki/index.js';
import { addRekorEntry } from '../helpers/release-fixture.js';
import { ReleaseMirror } from '../helpers/release-mirror.js';

let work: string;
let mirror: ReleaseMirror;
const fetchers: Fetcher[] = [];
const fetcher = (offline = false) => {
  const f = new Fetcher({ cacheDir: join(work, 'cache'), offline, settings: { retries: 0, idleTimeoutMs: 1000 } });
  fetchers.push(f);
  return f;
};

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'kube-sbom-rekor-'));
  mirror = await ReleaseMirror.start(join(work, 'mirror'));
});
afterEach(async () => {
  await Promise.all(fetchers.splice(0).map((f) => f.close()));
  await mirror.close();
  await rm(work, { recursive: true, force: true });
});

describe('Rekor lookup', () => {
  const artifact = Buffer.from('an artifact');
  const digest = sha256Hex(artifact);

  it('picks the entry recording this signature among several for the digest', async () => {
    const a = await signBlob(artifact, { notBefore: new Date('2025-01-01T00:00:00Z') });
    const b = await signBlob(artifact, { notBefore: new Date('2025-02-01T00:00:00Z') });
    await addRekorEntry(mirror.root, digest, a.rekorUuid, a.rekorEntry);
    await addRekorEntry(mirror.root, digest, b.rekorUuid, b.rekorEntry);
    const found = await lookupRekorEntry({
      fetcher: fetcher(),
      rekorUrl: mirror.rekorUrl,
      dir: work,
      artifactSha256: digest,
      signatureB64: b.signatureB64,
      label: 'x',
    });
    expect(found.uuid).toBe(b.rekorUuid);
    expect(found.entry).toEqual(b.rekorEntry);
  });

  it('says REKOR_ENTRY_NOT_FOUND (a failed check) when no entry holds the signature', async () => {
    const a = await signBlob(artifact);
    await expect(
      lookupRekorEntry({ fetcher: fetcher(), rekorUrl: mirror.rekorUrl, dir: work, artifactSha256: digest, signatureB64: a.signatureB64, label: 'x' }),
    ).rejects.toMatchObject({ code: 'REKOR_ENTRY_NOT_FOUND', kind: 'check' });
  });

  it('asks Rekor again when a cached index answer predates the signature', async () => {
    const old = await signBlob(artifact, { notBefore: new Date('2025-01-01T00:00:00Z') });
    await addRekorEntry(mirror.root, digest, old.rekorUuid, old.rekorEntry);
    const first = await lookupRekorEntry({
      fetcher: fetcher(),
      rekorUrl: mirror.rekorUrl,
      dir: work,
      artifactSha256: digest,
      signatureB64: old.signatureB64,
      label: 'x',
    });
    await fetcher().remember(first.index);
    const fresh = await signBlob(artifact, { notBefore: new Date('2025-03-01T00:00:00Z') });
    await addRekorEntry(mirror.root, digest, fresh.rekorUuid, fresh.rekorEntry);
    const found = await lookupRekorEntry({
      fetcher: fetcher(),
      rekorUrl: mirror.rekorUrl,
      dir: work,
      artifactSha256: digest,
      signatureB64: fresh.signatureB64,
      label: 'x',
    });
    expect(found.uuid).toBe(fresh.rekorUuid);
    expect(mirror.hits('/rekor/api/v1/index/retrieve')).toBe(2);
  });

  it('refuses an index answer that is not a list of UUIDs', async () => {
    await addRekorEntry(mirror.root, digest, 'a'.repeat(64), {});
    await writeFile(join(mirror.root, 'rekor', 'by-hash', `${digest}.json`), '["../../etc/passwd"]');
    await expect(
      lookupRekorEntry({ fetcher: fetcher(), rekorUrl: mirror.rekorUrl, dir: work, artifactSha256: digest, signatureB64: 'AAAA', label: 'x' }),
    ).rejects.toMatchObject({ code: 'REKOR_ANSWER_INVALID' });
  });

  it('reads a file:// Rekor as a folder of saved entries (by-hash/, entries/), offline, without posting', async () => {
    const signed = await signBlob(artifact);
    const folder = join(work, 'saved');
    await addRekorEntry(folder, digest, signed.rekorUuid, signed.rekorEntry);
    const rekorUrl = pathToFileURL(join(folder, 'rekor')).href;
    const found = await lookupRekorEntry({
      fetcher: fetcher(true),
      rekorUrl,
      dir: work,
      artifactSha256: digest,
      signatureB64: signed.signatureB64,
      label: 'x',
    });
    expect(found.uuid).toBe(signed.rekorUuid);
    expect(found.entry).toEqual(signed.rekorEntry);
    // A digest the folder has no entry for is a failed check, as Rekor's empty answer is, not a missing file.
    const other = sha256Hex(Buffer.from('another artifact'));
    await expect(
      lookupRekorEntry({ fetcher: fetcher(true), rekorUrl, dir: work, artifactSha256: other, signatureB64: signed.signatureB64, label: 'x' }),
    ).rejects.toMatchObject({ code: 'REKOR_ENTRY_NOT_FOUND', kind: 'check' });
  });
});
