// The distribution client against a real docker-registry: pulls, digests, platforms, tampering, tokens, redirects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RemoteRegistry, fetchImageManifest, parseReference, platformManifest, resolveDigest } from '../../src/registry/index.js';
import { RegistryTransport } from '../../src/registry/http.js';
import { MAX_CONFIG_BYTES } from '../../src/registry/source.js';
import { registryMissing, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { parseTrustedRoot } from '../../src/sigstore/trusted-root.js';
import { verifyImage } from '../../src/verify/verify-image.js';
import { GOOGLE_ISSUER, K8S_IMAGE_IDENTITY, getTestPki, signImageLegacy } from '../helpers/pki/index.js';
import { makeImage, pushBlob, pushImage, pushLegacySignatures, pushManifest, pushMultiArch, sha256, type TestImage } from '../helpers/registry-push.js';
import { startBlobStore, startProxy, type TestProxy } from '../helpers/registry-proxy.js';
import { startTokenServer, type TokenServer } from '../helpers/registry-token.js';

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (err: { code?: string }) => err.code ?? String(err),
  );

describe.skipIf(registryMissing)('registry client against docker-registry', () => {
  let registry: TestRegistry;
  let amd64: TestImage;
  let arm64: TestImage;
  let indexDigest: string;
  const client = new RemoteRegistry({ retries: 0 });

  beforeAll(async () => {
    registry = await startRegistry();
    amd64 = makeImage({ architecture: 'amd64' });
    arm64 = makeImage({ architecture: 'arm64', layers: 3 });
    indexDigest = await pushMultiArch({ url: registry.url }, 'team/app', [amd64, arm64], 'v1');
    await pushImage({ url: registry.url }, 'team/single', amd64, 'v1');
  });
  afterAll(() => registry?.stop());

  it('resolves a tag to the digest of the exact bytes pushed (HEAD)', async () => {
    const resolved = await resolveDigest(`${registry.host}/team/app:v1`, { source: client });
    expect(resolved.digest).toBe(indexDigest);
    expect(resolved.pinned).toBe(`${registry.host}/team/app@${indexDigest}`);
  });

  it('returns a digest reference without asking the registry', async () => {
    const ref = `nowhere.invalid/x@${indexDigest}`;
    expect((await resolveDigest(ref)).digest).toBe(indexDigest);
  });

  it('fails with IMAGE_NOT_FOUND for a missing tag or repository', async () => {
    expect(await codeOf(resolveDigest(`${registry.host}/team/app:nope`, { source: client }))).toBe('IMAGE_NOT_FOUND');
    expect(await codeOf(resolveDigest(`${registry.host}/no/such:v1`, { source: client }))).toBe('IMAGE_NOT_FOUND');
  });

  it('walks a multi-arch index to the platform asked for and reads its config', async () => {
    const ref = parseReference(`${registry.host}/team/app:v1`);
    const top = await fetchImageManifest(client, ref);
    expect(top.manifest.kind).toBe('index');
    const chosen = await platformManifest(client, ref, top, { os: 'linux', architecture: 'arm64' });
    expect(chosen.digest).toBe(arm64.digest);
    const config = await client.fetchBlob(ref, chosen.manifest.config.digest, MAX_CONFIG_BYTES);
    expect(JSON.parse(Buffer.from(config).toString()).rootfs.diff_ids).toEqual(arm64.layers.map((l) => l.diffId));
    expect(await codeOf(platformManifest(client, ref, top, { os: 'linux', architecture: 's390x' }))).toBe('NO_MATCHING_PLATFORM');
  });

  it('reads Docker v2 manifests and manifest lists as well as OCI ones', async () => {
    const dockerManifest = 'application/vnd.docker.distribution.manifest.v2+json';
    const dockerList = 'application/vnd.docker.distribution.manifest.list.v2+json';
    const image = makeImage({ architecture: 'ppc64le' });
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: dockerManifest,
        config: { mediaType: 'application/vnd.docker.container.image.v1+json', digest: sha256(image.config), size: image.config.length },
        layers: image.layers.map((l) => ({ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', digest: sha256(l.blob), size: l.blob.length })),
      }),
    );
    for (const l of image.layers) await pushBlob({ url: registry.url }, 'team/docker', l.blob);
    await pushBlob({ url: registry.url }, 'team/docker', image.config);
    const manifestDigest = await pushManifest({ url: registry.url }, 'team/docker', sha256(manifest), manifest, dockerManifest);
    const list = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: dockerList,
        manifests: [{ mediaType: dockerManifest, digest: manifestDigest, size: manifest.length, platform: image.platform }],
      }),
    );
    const listDigest = await pushManifest({ url: registry.url }, 'team/docker', 'v1', list, dockerList);
    const ref = parseReference(`${registry.host}/team/docker:v1`);
    const top = await fetchImageManifest(client, ref);
    expect(top).toMatchObject({ digest: listDigest, mediaType: dockerList });
    const chosen = await platformManifest(client, ref, top, { os: 'linux', architecture: 'ppc64le' });
    expect(chosen).toMatchObject({ digest: manifestDigest, manifest: { mediaType: dockerManifest } });
  });

  it('uses HTTPS for registries off this machine, plain HTTP only for loopback or when allowed', () => {
    const strict = new RegistryTransport();
    expect(strict.baseUrl('registry.k8s.io')).toBe('https://registry.k8s.io');
    expect(strict.baseUrl('127.0.0.1:5000')).toBe('http://127.0.0.1:5000');
    expect(strict.baseUrl('localhost:5000')).toBe('http://localhost:5000');
    expect(new RegistryTransport({ allowHttp: true }).baseUrl('mirror.internal:5000')).toBe('http://mirror.internal:5000');
  });

  it('refuses a plain-HTTP URL for a registry off this machine (INSECURE_REGISTRY)', async () => {
    const strict = new RegistryTransport({ retries: 0 });
    expect(await codeOf(strict.request('GET', 'http://registry.example/v2/', { maxBytes: 10, scope: 'x' }))).toBe('INSECURE_REGISTRY');
  });

  describe('through a tampering proxy', () => {
    let proxy: TestProxy;
    let failures = 0;
    beforeAll(async () => {
      proxy = await startProxy(registry.url, (req) => {
        if (req.path === `/v2/team/single/manifests/${amd64.digest}`) {
          return { tamper: (body) => Buffer.from(body.toString().replace('"size":', '"size": ')) };
        }
        if (req.path.startsWith('/v2/team/app/manifests/v1') && failures < 2) {
          failures++;
          return { respond: { status: failures === 1 ? 503 : 429, headers: { 'retry-after': '0' } } };
        }
        return undefined;
      });
    });
    afterAll(() => proxy?.close());

    it('rejects a manifest whose bytes do not match the digest asked for (DIGEST_MISMATCH)', async () => {
      const ref = parseReference(`${proxy.host}/team/single@${amd64.digest}`);
      expect(await codeOf(client.fetchManifest(ref, amd64.digest))).toBe('DIGEST_MISMATCH');
    });

    it('rejects a tag whose bytes do not match the digest the registry claims', async () => {
      await pushImage({ url: registry.url }, 'team/single', amd64, 'again');
      const tampering = await startProxy(registry.url, (req) =>
        req.path === '/v2/team/single/manifests/again' ? { tamper: (b) => Buffer.from(b.toString().replace('"size":', '"size": ')) } : undefined,
      );
      try {
        expect(await codeOf(client.fetchManifest(parseReference(`${tampering.host}/team/single`), 'again'))).toBe('DIGEST_MISMATCH');
      } finally {
        await tampering.close();
      }
    });

    it('retries after 503 and 429', async () => {
      const patient = new RemoteRegistry({ retries: 3, sleep: async () => {} });
      const fetched = await patient.fetchManifest(parseReference(`${proxy.host}/team/app`), 'v1');
      expect(fetched?.digest).toBe(indexDigest);
      expect(failures).toBe(2);
    });
  });

  describe('a blob read through a connection cut mid-blob', () => {
    const big = new Uint8Array(1024 * 1024).map((_, i) => (i * 7919) % 251);
    let digest: string;
    const isBlob = (req: { method: string; path: string }) => req.method === 'GET' && req.path.endsWith(`/blobs/${digest}`);
    const readAll = async (host: string) => {
      const chunks: Buffer[] = [];
      for await (const chunk of await client.openBlob(parseReference(`${host}/team/big`), digest, big.byteLength)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    };
    const ranges = (proxy: TestProxy) => proxy.seen.filter(isBlob).map((r) => r.range);
    beforeAll(async () => {
      digest = await pushBlob({ url: registry.url }, 'team/big', big);
    });

    it('asks for the rest and hands over the whole blob, checked against its digest', async () => {
      let cuts = 1;
      const cutting = await startProxy(registry.url, (req) => (isBlob(req) && cuts-- > 0 ? { cutAfter: 300_000 } : undefined));
      try {
        expect(sha256(await readAll(cutting.host))).toBe(digest);
        const asked = ranges(cutting);
        expect(asked).toHaveLength(2);
        expect(asked[0]).toBeUndefined();
        // A cut socket may drop bytes still in flight: the rest is asked from what was read.
        const from = Number(/^bytes=(\d+)-$/.exec(asked[1] ?? '')?.[1]);
        expect(from).toBeLessThanOrEqual(300_000);
      } finally {
        await cutting.close();
      }
    });

    it('carries on through a cut in every answer, as long as each brings bytes', async () => {
      const cutting = await startProxy(registry.url, (req) => (isBlob(req) ? { cutAfter: 300_000 } : undefined));
      try {
        expect(sha256(await readAll(cutting.host))).toBe(digest);
        expect(ranges(cutting).length).toBeGreaterThanOrEqual(4);
      } finally {
        await cutting.close();
      }
    });

    it('skips what it has when a registry ignores the range and sends the whole blob again', async () => {
      let cuts = 1;
      const ignoring = await startProxy(registry.url, (req) =>
        !isBlob(req) ? undefined : req.range ? { respond: { status: 200, body: big } } : cuts-- > 0 ? { cutAfter: 300_000 } : undefined,
      );
      try {
        expect(sha256(await readAll(ignoring.host))).toBe(digest);
        expect(ranges(ignoring)).toEqual([undefined, expect.stringMatching(/^bytes=\d+-$/)]);
      } finally {
        await ignoring.close();
      }
    });

    it('fails in one line (REGISTRY_READ_FAILED) when the rest cannot be had', async () => {
      let cuts = 1;
      const failing = await startProxy(registry.url, (req) =>
        !isBlob(req) ? undefined : cuts-- > 0 ? { cutAfter: 300_000 } : { respond: { status: 503, body: 'down' } },
      );
      try {
        await expect(readAll(failing.host)).rejects.toMatchObject({
          code: 'REGISTRY_READ_FAILED',
          message: expect.stringMatching(/broke off at byte \d+, and asking for the rest got HTTP 503; run again to resume$/),
        });
      } finally {
        await failing.close();
      }
    });
  });

  it('follows a 307 for manifests to another host, as registry.k8s.io does', async () => {
    const backing = await startProxy(registry.url, undefined, '127.0.0.2');
    const front = await startProxy(registry.url, (req) =>
      req.path.includes('/manifests/') ? { respond: { status: 307, headers: { location: `${backing.url}${req.path}` } } } : undefined,
    );
    try {
      const resolved = await client.fetchManifest(parseReference(`${front.host}/team/app`), 'v1');
      expect(resolved?.digest).toBe(indexDigest);
      expect(backing.seen.some((r) => r.path === '/v2/team/app/manifests/v1')).toBe(true);
    } finally {
      await front.close();
      await backing.close();
    }
  });

  it('pings /v2/: a registry passes, a web server that is not one is NOT_A_REGISTRY', async () => {
    await expect(client.ping(parseReference(`${registry.host}/x`))).resolves.toBeUndefined();
    const web = await startProxy(registry.url, () => ({ respond: { status: 404, body: 'not here' } }));
    try {
      expect(await codeOf(client.ping(parseReference(`${web.host}/x`)))).toBe('NOT_A_REGISTRY');
    } finally {
      await web.close();
    }
  });

  it('reports an unreachable registry as REGISTRY_UNREACHABLE', async () => {
    const dead = new RemoteRegistry({ retries: 1, sleep: async () => {} });
    expect(await codeOf(dead.fetchManifest(parseReference('127.0.0.1:1/x'), 'v1'))).toBe('REGISTRY_UNREACHABLE');
  });
});

describe.skipIf(registryMissing)('registry client with token auth', () => {
  let tokens: TokenServer;
  let registry: TestRegistry;
  let image: TestImage;

  beforeAll(async () => {
    tokens = await startTokenServer();
    registry = await startRegistry({ tokenAuth: tokens });
    image = makeImage();
    await pushImage({ url: registry.url, authorize: (scope) => `Bearer ${tokens.issue([scope])}` }, 'secure/app', image, 'v1');
  });
  afterAll(async () => {
    await registry?.stop();
    await tokens?.close();
  });

  it('answers a 401 Bearer challenge with an anonymous token and retries', async () => {
    const before = tokens.requests.length;
    const client = new RemoteRegistry({ retries: 0 });
    const fetched = await client.fetchManifest(parseReference(`${registry.host}/secure/app`), 'v1');
    expect(fetched?.digest).toBe(image.digest);
    const asked = tokens.requests.slice(before);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ service: tokens.service, scopes: ['repository:secure/app:pull'] });
    expect(asked[0]!.authorization).toBeUndefined();
    // The token is reused for the next request to the same host and scope.
    await client.fetchManifest(parseReference(`${registry.host}/secure/app`), image.digest);
    expect(tokens.requests.length).toBe(before + 1);
  });

  it('asks for one token when many requests are challenged at once', async () => {
    const before = tokens.requests.length;
    const client = new RemoteRegistry({ retries: 0 });
    const ref = parseReference(`${registry.host}/secure/app`);
    const all = await Promise.all(Array.from({ length: 8 }, () => client.fetchManifest(ref, image.digest)));
    expect(all.every((m) => m?.digest === image.digest)).toBe(true);
    expect(tokens.requests.length - before).toBeLessThanOrEqual(2);
  });

  it('verifies a signed image behind token auth end to end', async () => {
    const target = { url: registry.url, authorize: (scope: string) => `Bearer ${tokens.issue([scope])}` };
    await pushLegacySignatures(target, 'secure/app', image.digest, [await signImageLegacy(`${registry.host}/secure/app`, image.digest)]);
    const trustedRoot = parseTrustedRoot((await getTestPki()).trustedRootText, 'test PKI');
    const result = await verifyImage(`${registry.host}/secure/app:v1`, {
      source: new RemoteRegistry({ retries: 0 }),
      trustedRoot,
      policy: { identity: K8S_IMAGE_IDENTITY, issuer: GOOGLE_ISSUER },
    });
    expect(result).toMatchObject({ verified: true, digest: image.digest });
  });

  it('does not send the token along a redirect to another host', async () => {
    const blobs = new Map<string, Uint8Array>([[sha256(image.config), image.config]]);
    const storage = await startBlobStore(blobs);
    const front = await startProxy(registry.url, (req) =>
      req.path.includes('/blobs/') && req.authorization
        ? { respond: { status: 307, headers: { location: `${storage.url}${req.path.replace('/v2/secure/app', '')}?X-Signature=abc` } } }
        : undefined,
    );
    try {
      const client = new RemoteRegistry({ retries: 0 });
      const ref = parseReference(`${front.host}/secure/app`);
      const fetched = await client.fetchManifest(ref, 'v1');
      expect(fetched).toBeDefined();
      const config = await client.fetchBlob(ref, sha256(image.config), MAX_CONFIG_BYTES);
      expect(Buffer.from(config).equals(image.config)).toBe(true);
      expect(front.seen.some((r) => r.path.includes('/blobs/') && r.authorization?.startsWith('Bearer '))).toBe(true);
      expect(storage.seen.length).toBeGreaterThan(0);
      expect(storage.seen.every((r) => r.authorization === undefined)).toBe(true);
    } finally {
      await front.close();
      await storage.close();
    }
  });
});
