// MemoSource against a real docker-registry behind a recording proxy: each question reaches the registry once, a
// manifest fetched by tag answers the fetch by its digest, a fetched blob streams from memory through the same
// digest and size check, and a failed answer is asked again rather than kept.
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoSource } from '../../src/registry/memo-source.js';
import { RemoteRegistry } from '../../src/registry/remote.js';
import type { RepoRef } from '../../src/registry/source.js';
import { registryMissing, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { startProxy, type TestProxy } from '../helpers/registry-proxy.js';
import { makeImage, pushBlob, pushImage } from '../helpers/registry-push.js';

describe.skipIf(registryMissing)('MemoSource', () => {
  let registry: TestRegistry;
  let proxy: TestProxy;
  let failNext = false;
  const image = makeImage();
  const payload = Buffer.from('{"critical":{"type":"cosign container image signature"}}');
  let payloadDigest: string;
  let repo: RepoRef;

  beforeAll(async () => {
    registry = await startRegistry();
    await pushImage({ url: registry.url }, 'team/app', image, 'v1');
    payloadDigest = await pushBlob({ url: registry.url }, 'team/app', payload);
    proxy = await startProxy(registry.url, () => {
      if (!failNext) return undefined;
      failNext = false;
      return { respond: { status: 503 } };
    });
    repo = { registry: proxy.host, repository: 'team/app' };
  });
  afterAll(async () => {
    await proxy?.close();
    await registry?.stop();
  });

  const requests = (path: string) => proxy.seen.filter((s) => s.path === `/v2/team/app/${path}`).length;

  it('asks once per question; a manifest fetched by tag answers the fetch by its digest', async () => {
    const memo = new MemoSource(new RemoteRegistry({ retries: 0 }));
    const byTag = await memo.fetchManifest(repo, 'v1');
    expect(byTag?.digest).toBe(image.digest);
    expect(await memo.fetchManifest(repo, 'v1')).toBe(byTag);
    expect(await memo.fetchManifest(repo, image.digest)).toBe(byTag);
    expect(requests('manifests/v1')).toBe(1);
    expect(requests(`manifests/${image.digest}`)).toBe(0);
    // Another memo (another image of the run) asks for itself.
    await new MemoSource(new RemoteRegistry({ retries: 0 })).fetchManifest(repo, 'v1');
    expect(requests('manifests/v1')).toBe(2);
  });

  it('streams a blob it fetched from memory, still checked against its size', async () => {
    const memo = new MemoSource(new RemoteRegistry({ retries: 0 }));
    expect(Buffer.from(await memo.fetchBlob(repo, payloadDigest, 1 << 20))).toEqual(payload);
    expect(await text(await memo.openBlob(repo, payloadDigest, payload.length))).toBe(payload.toString());
    expect(requests(`blobs/${payloadDigest}`)).toBe(1);
    await expect(text(await memo.openBlob(repo, payloadDigest, payload.length + 1))).rejects.toMatchObject({ code: 'BLOB_SIZE_MISMATCH' });
    // A smaller limit than the bytes kept is the source's to refuse, as without the memo.
    await expect(memo.fetchBlob(repo, payloadDigest, 8)).rejects.toMatchObject({ code: 'RESPONSE_TOO_LARGE' });
  });

  it('forgets a failed answer: the next question goes to the registry again', async () => {
    const memo = new MemoSource(new RemoteRegistry({ retries: 0 }));
    const before = requests(`manifests/${image.digest}`);
    failNext = true;
    await expect(memo.fetchManifest(repo, image.digest)).rejects.toMatchObject({ code: 'REGISTRY_HTTP_ERROR' });
    expect((await memo.fetchManifest(repo, image.digest))?.digest).toBe(image.digest);
    expect(requests(`manifests/${image.digest}`)).toBe(before + 2);
  });
});
