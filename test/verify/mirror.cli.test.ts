// kube-sbom mirror between two real docker-registry instances on loopback: digests and signatures carried over,
// the copy verifiable from the target, an interrupted copy resumed, a target that alters a blob caught, and an
// OCI layout output read back by --oci-layout and by skopeo.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { MIRROR_TAG, pushMirrorFixture, type MirrorFixture } from '../helpers/mirror-fixture.js';
import { getTestPki } from '../helpers/pki/index.js';
import { registryMissing, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { startProxy, type SeenRequest } from '../helpers/registry-proxy.js';
import { BUNDLE_V03, makeImage, pushBundleReferrer, pushImage } from '../helpers/registry-push.js';
import { signImageBundle } from '../helpers/registry-signatures.js';

const sha256 = (b: Uint8Array) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const ACCEPT = 'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json';
const skopeoMissing = spawnSync('sh', ['-c', 'command -v skopeo']).status === 0 ? undefined : 'skopeo is not installed';

async function manifestAt(url: string, repo: string, reference: string): Promise<{ status: number; digest?: string; body?: Buffer }> {
  const res = await fetch(`${url}/v2/${repo}/manifests/${reference}`, { headers: { accept: ACCEPT } });
  if (res.status !== 200) {
    await res.body?.cancel();
    return { status: res.status };
  }
  const body = Buffer.from(await res.arrayBuffer());
  return { status: 200, digest: sha256(body), body };
}

describe.skipIf(registryMissing)('kube-sbom mirror', () => {
  let source: TestRegistry;
  let dir: string;
  let root: string;
  let fixture: MirrorFixture;
  const cleanup: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    source = await startRegistry();
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-mirror-'));
    root = join(dir, 'trusted_root.json');
    await writeFile(root, (await getTestPki()).trustedRootText);
    fixture = await pushMirrorFixture(source.url, dir);
  });
  afterEach(async () => {
    for (const c of cleanup.splice(0)) await c();
  });
  afterAll(async () => {
    await source?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const target = async (): Promise<TestRegistry> => {
    const r = await startRegistry();
    cleanup.push(() => r.stop());
    return r;
  };
  const mirror = (to: string, from = source.host, extra: string[] = []) =>
    runCli(['mirror', '--from', fixture.listFile, '--to', to, '--trusted-root', root, '--registry-mirror', `registry.k8s.io=${from}`, '--json', ...extra]);

  it('copies a multi-arch image with its .sig and an image with a bundle referrer; same digests; verify-images passes on the target', async () => {
    const to = await target();
    const r = await mirror(to.host, source.host, ['--concurrency', '1']);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toEqual({ total: 2, mirrored: 2, failed: 0, unchecked: 0 });
    expect(report.images.map((i: { target: { verified: boolean } }) => i.target.verified)).toEqual([true, true]);
    // The shared layer was uploaded once and mounted into the second repository.
    expect(report.images[1].copy.blobsMounted).toBe(1);

    const { apiserver, proxy } = fixture;
    expect((await manifestAt(to.url, 'kube-apiserver', MIRROR_TAG)).digest).toBe(apiserver.digest);
    for (const child of apiserver.children) expect((await manifestAt(to.url, 'kube-apiserver', child.digest)).digest).toBe(child.digest);
    const sigTag = `${apiserver.digest.replace(':', '-')}.sig`;
    expect((await manifestAt(to.url, 'kube-apiserver', sigTag)).digest).toBe((await manifestAt(source.url, 'kube-apiserver', sigTag)).digest);
    expect((await manifestAt(to.url, 'kube-proxy', MIRROR_TAG)).digest).toBe(proxy.digest);
    const fallback = await manifestAt(to.url, 'kube-proxy', proxy.digest.replace(':', '-'));
    expect(fallback.digest).toBe((await manifestAt(source.url, 'kube-proxy', proxy.digest.replace(':', '-'))).digest);
    expect((await manifestAt(to.url, 'kube-proxy', proxy.referrer)).digest).toBe(proxy.referrer);
    const layer = await fetch(`${to.url}/v2/kube-proxy/blobs/${sha256(fixture.shared.blob)}`);
    expect(sha256(Buffer.from(await layer.arrayBuffer()))).toBe(sha256(fixture.shared.blob));

    const verified = await runCli([
      'verify-images',
      '--from',
      fixture.listFile,
      '--trusted-root',
      root,
      '--registry-mirror',
      `registry.k8s.io=${to.host}`,
      '--json',
    ]);
    expect(verified.code, verified.stdout).toBe(0);
    expect(JSON.parse(verified.stdout).summary).toMatchObject({ total: 2, verified: 2 });

    // A second run finds everything in place and copies nothing.
    const again = JSON.parse((await mirror(to.host)).stdout);
    for (const image of again.images) expect(image.copy).toMatchObject({ blobsCopied: 0, blobsMounted: 0, manifestsPut: 0 });
  });

  it('asks each registry only what it must: the source once per question, every image blob read back from the target once', async () => {
    const to = await target();
    const from = await startProxy(source.url);
    const into = await startProxy(to.url);
    cleanup.push(
      () => from.close(),
      () => into.close(),
    );
    const r = await mirror(into.host, from.host, ['--concurrency', '1']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const gets = (seen: typeof from.seen) => seen.filter((s) => s.method === 'GET').map((s) => s.path);
    // What was verified (tags, signature manifests, the signature's payload) is planned and copied without asking again.
    const fromSource = gets(from.seen);
    expect(fromSource.filter((p, i) => fromSource.indexOf(p) !== i)).toEqual([]);
    expect(fromSource).toContain(`/v2/kube-apiserver/manifests/${fixture.apiserver.digest.replace(':', '-')}.sig`);
    // Every layer and config of every platform is read back from the target, once.
    const imageBlobs = [
      ...fixture.apiserver.children.flatMap((c) => [c.config, ...c.layers.map((l) => l.blob)].map((b) => `/v2/kube-apiserver/blobs/${sha256(b)}`)),
      ...[fixture.proxy.image.config, ...fixture.proxy.image.layers.map((l) => l.blob)].map((b) => `/v2/kube-proxy/blobs/${sha256(b)}`),
    ];
    const readBack = gets(into.seen);
    for (const path of imageBlobs)
      expect(
        readBack.filter((p) => p === path),
        path,
      ).toHaveLength(1);
    // kube-apiserver, copied first into the fresh target, had every blob uploaded: none of its manifests can be there
    // yet, so none is asked for before the PUTs (the HEAD after them is the verification's check of the tag).
    const apiserver = into.seen.filter((s) => s.path.startsWith('/v2/kube-apiserver/manifests/'));
    const lastPut = apiserver.map((s) => s.method).lastIndexOf('PUT');
    expect(lastPut).toBeGreaterThan(0);
    expect(apiserver.slice(0, lastPut).filter((s) => s.method === 'HEAD')).toEqual([]);
    expect(JSON.parse(r.stdout).images.map((i: { copy: { manifestsSkipped: number } }) => i.copy.manifestsSkipped)).toEqual([0, 0]);
  });

  it('--to REGISTRY/PREFIX puts the images under the prefix', async () => {
    const to = await target();
    const r = await mirror(`${to.host}/mirror/k8s`);
    expect(r.code, r.stdout).toBe(0);
    expect((await manifestAt(to.url, 'mirror/k8s/kube-apiserver', MIRROR_TAG)).digest).toBe(fixture.apiserver.digest);
    expect((await manifestAt(to.url, 'kube-apiserver', MIRROR_TAG)).status).toBe(404);
  });

  it('--dry-run prints the plan and writes nothing', async () => {
    const to = await target();
    const r = await runCli([
      'mirror',
      '--from',
      fixture.listFile,
      '--to',
      to.host,
      '--trusted-root',
      root,
      '--registry-mirror',
      `registry.k8s.io=${source.host}`,
      '--dry-run',
    ]);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/ok\s+registry\.k8s\.io\/kube-apiserver:v1\.99\.0\s+sha256:\S+\s+would copy 9 blob\(s\)/);
    expect(r.stdout).toContain('2 of 2 image(s) would be mirrored to');
    expect((await manifestAt(to.url, 'kube-apiserver', MIRROR_TAG)).status).toBe(404);
  });

  it('a copy cut mid-blob asks the source for the rest and completes in the same run', async () => {
    const to = await target();
    let cuts = 1;
    const bigBlob = (req: SeenRequest) => req.method === 'GET' && req.path.endsWith(`/blobs/${fixture.bigBlobDigest}`);
    const cutting = await startProxy(source.url, (req) => (bigBlob(req) && cuts-- > 0 ? { cutAfter: 100_000 } : undefined));
    cleanup.push(() => cutting.close());
    const r = await mirror(to.host, cutting.host);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(cutting.seen.filter(bigBlob).map((q) => q.range)).toEqual([undefined, expect.stringMatching(/^bytes=\d+-$/)]);
    expect((await manifestAt(to.url, 'kube-apiserver', MIRROR_TAG)).digest).toBe(fixture.apiserver.digest);
  });

  it('a copy whose rest cannot be had fails (exit 3); running again completes it without copying what arrived', async () => {
    const to = await target();
    let cut = true;
    // The first answer is cut; the source then fails every request for the rest.
    let answered = false;
    const cutting = await startProxy(source.url, (req) => {
      if (!cut || req.method !== 'GET' || !req.path.endsWith(`/blobs/${fixture.bigBlobDigest}`)) return undefined;
      if (answered) return { respond: { status: 503, body: 'down' } };
      answered = true;
      return { cutAfter: 100_000 };
    });
    cleanup.push(() => cutting.close());
    const first = await mirror(to.host, cutting.host);
    expect(first.code, first.stdout + first.stderr).toBe(3);
    const failed = JSON.parse(first.stdout).images.find((i: { reference: string }) => i.reference.includes('kube-apiserver'));
    expect(failed).toMatchObject({ status: 'copy-failed', code: 'REGISTRY_READ_FAILED' });
    expect((await manifestAt(to.url, 'kube-apiserver', MIRROR_TAG)).status).toBe(404);
    const blob = await fetch(`${to.url}/v2/kube-apiserver/blobs/${fixture.bigBlobDigest}`, { method: 'HEAD' });
    expect(blob.status).toBe(404);

    cut = false;
    const second = await mirror(to.host, cutting.host);
    expect(second.code, second.stdout).toBe(0);
    const resumed = JSON.parse(second.stdout).images.find((i: { reference: string }) => i.reference.includes('kube-apiserver'));
    expect(resumed.copy.blobsSkipped).toBeGreaterThan(0);
    expect((await manifestAt(to.url, 'kube-apiserver', MIRROR_TAG)).digest).toBe(fixture.apiserver.digest);
  });

  it('a target that serves an altered blob fails the verification from the target (exit 1)', async () => {
    const to = await target();
    const altering = await startProxy(to.url, (req) =>
      req.method === 'GET' && req.path.endsWith(`/blobs/${fixture.bigBlobDigest}`)
        ? { tamper: (b) => Buffer.concat([b.subarray(0, b.length - 1), Buffer.from([b[b.length - 1]! ^ 1])]) }
        : undefined,
    );
    cleanup.push(() => altering.close());
    const r = await mirror(altering.host);
    expect(r.code, r.stdout).toBe(1);
    const rows = JSON.parse(r.stdout).images;
    expect(rows.map((i: { status: string; code: string }) => [i.status, i.code])).toEqual([
      ['target-check-failed', 'DIGEST_MISMATCH'],
      ['mirrored', 'OK'],
    ]);
  });

  it('an image that does not verify at the source is not copied (exit 1)', async () => {
    const to = await target();
    const list = join(dir, 'unsigned.txt');
    await writeFile(list, `registry.k8s.io/kube-apiserver:${MIRROR_TAG}\n`);
    const r = await runCli([
      'mirror',
      '--from',
      list,
      '--to',
      to.host,
      '--trusted-root',
      root,
      '--registry-mirror',
      `registry.k8s.io=${source.host}`,
      '--certificate-identity',
      'someone-else@example.com',
      '--json',
    ]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).images[0]).toMatchObject({ status: 'not-verified', code: 'IDENTITY_MISMATCH' });
    expect((await manifestAt(to.url, 'kube-apiserver', MIRROR_TAG)).status).toBe(404);
  });

  it('referrers only the source API lists get a fallback tag in a target without the API', async () => {
    const image = makeImage({ architecture: 'amd64' });
    const digest = await pushImage({ url: source.url }, 'kube-scheduler', image, MIRROR_TAG);
    const bundle = await signImageBundle('registry.k8s.io/kube-scheduler', digest);
    const referrer = await pushBundleReferrer({ url: source.url }, 'kube-scheduler', { digest, size: image.manifest.length }, bundle, undefined, false);
    const size = (await manifestAt(source.url, 'kube-scheduler', referrer)).body!.length;
    const index = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: referrer, size, artifactType: BUNDLE_V03 }],
    });
    // A source with the referrers API (docker-registry 2.8 has none: the proxy answers for it).
    const withApi = await startProxy(source.url, (req) =>
      req.path.startsWith(`/v2/kube-scheduler/referrers/${digest}`)
        ? { respond: { status: 200, headers: { 'content-type': 'application/vnd.oci.image.index.v1+json' }, body: index } }
        : undefined,
    );
    cleanup.push(() => withApi.close());
    const list = join(dir, 'scheduler.txt');
    await writeFile(list, `registry.k8s.io/kube-scheduler:${MIRROR_TAG}\n`);
    const to = await target();
    const r = await runCli([
      'mirror',
      '--from',
      list,
      '--to',
      to.host,
      '--trusted-root',
      root,
      '--registry-mirror',
      `registry.k8s.io=${withApi.host}`,
      '--json',
    ]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect((await manifestAt(source.url, 'kube-scheduler', digest.replace(':', '-'))).status).toBe(404);
    const fallback = await manifestAt(to.url, 'kube-scheduler', digest.replace(':', '-'));
    expect(JSON.parse(fallback.body!.toString()).manifests.map((m: { digest: string }) => m.digest)).toEqual([referrer]);
    const verified = await runCli(['verify-images', '--from', list, '--trusted-root', root, '--registry-mirror', `registry.k8s.io=${to.host}`, '--json']);
    expect(verified.code, verified.stdout).toBe(0);
  });

  it('--to oci-layout:DIR is read back by --oci-layout and by skopeo', async () => {
    const layout = join(dir, 'layout');
    const r = await mirror(`oci-layout:${layout}`);
    expect(r.code, r.stdout).toBe(0);
    const verified = await runCli(['verify-images', '--from', fixture.listFile, '--trusted-root', root, '--oci-layout', layout, '--json']);
    expect(verified.code, verified.stdout).toBe(0);
    expect(JSON.parse(verified.stdout).summary).toMatchObject({ total: 2, verified: 2 });

    // The far side: the layout is the source of a run into a registry inside the air gap.
    const inside = await target();
    const pushed = await runCli(['mirror', '--from', fixture.listFile, '--oci-layout', layout, '--to', inside.host, '--trusted-root', root, '--json']);
    expect(pushed.code, pushed.stdout + pushed.stderr).toBe(0);
    expect((await manifestAt(inside.url, 'kube-apiserver', MIRROR_TAG)).digest).toBe(fixture.apiserver.digest);
    const insideCheck = await runCli([
      'verify-images',
      '--from',
      fixture.listFile,
      '--trusted-root',
      root,
      '--registry-mirror',
      `registry.k8s.io=${inside.host}`,
    ]);
    expect(insideCheck.code, insideCheck.stdout).toBe(0);

    // A dry run into a layout that does not exist yet creates nothing.
    const planned = join(dir, 'not-yet');
    const dry = await mirror(`oci-layout:${planned}`, source.host, ['--dry-run']);
    expect(dry.code, dry.stdout).toBe(0);
    expect(existsSync(planned)).toBe(false);
    if (skopeoMissing) return;
    for (const [repo, digest] of [
      ['kube-apiserver', fixture.apiserver.digest],
      ['kube-proxy', fixture.proxy.digest],
    ] as const) {
      const raw = spawnSync('skopeo', ['inspect', '--raw', `oci:${layout}:registry.k8s.io/${repo}:${MIRROR_TAG}`]);
      expect(raw.status, raw.stderr.toString()).toBe(0);
      expect(sha256(raw.stdout)).toBe(digest);
      const inspect = spawnSync('skopeo', ['inspect', `oci:${layout}:registry.k8s.io/${repo}:${MIRROR_TAG}`], { encoding: 'utf8' });
      expect(inspect.status, inspect.stderr).toBe(0);
      expect(JSON.parse(inspect.stdout).Architecture).toBe('amd64');
    }
  });
});

// A target that wants Basic auth: docker-registry with an htpasswd file (user "mirror", password "mirror-secret", bcrypt cost 4).
const HTPASSWD = 'mirror:$2b$04$QECKYzpkRPTFB6IAZoR8RufRULqz1eAabItQIU345h./P/LC82P7K\n';

describe.skipIf(registryMissing)('kube-sbom mirror to a registry that needs credentials', () => {
  let source: TestRegistry;
  let to: TestRegistry;
  let dir: string;
  let root: string;
  let fixture: MirrorFixture;

  beforeAll(async () => {
    source = await startRegistry();
    to = await startRegistry({ htpasswd: HTPASSWD });
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-mirror-auth-'));
    root = join(dir, 'trusted_root.json');
    await writeFile(root, (await getTestPki()).trustedRootText);
    fixture = await pushMirrorFixture(source.url, dir);
  });
  afterAll(async () => {
    await source?.stop();
    await to?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('uses the Docker config for the target only, never sends it to the source, never prints it', async () => {
    const watched = await startProxy(source.url);
    try {
      const args = ['mirror', '--from', fixture.listFile, '--to', to.host, '--trusted-root', root, '--registry-mirror', `registry.k8s.io=${watched.host}`];
      const anonymous = await runCli([...args, '--json'], { env: { DOCKER_CONFIG: join(dir, 'empty') } });
      expect(anonymous.code).toBe(3);
      expect(JSON.parse(anonymous.stdout).images[0]).toMatchObject({ status: 'copy-failed', code: 'REGISTRY_UNAUTHORIZED' });

      const config = join(dir, 'docker');
      await import('node:fs/promises').then((fs) => fs.mkdir(config));
      await writeFile(
        join(config, 'config.json'),
        JSON.stringify({ auths: { [`http://${to.host}`]: { auth: Buffer.from('mirror:mirror-secret').toString('base64') } } }),
      );
      const r = await runCli(args, { env: { DOCKER_CONFIG: config } });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout + r.stderr).not.toContain('mirror-secret');
      expect(r.stdout + r.stderr).not.toContain(Buffer.from('mirror:mirror-secret').toString('base64'));
      expect(watched.seen.length).toBeGreaterThan(0);
      expect(watched.seen.filter((s) => s.authorization)).toEqual([]);
      const res = await fetch(`${to.url}/v2/kube-apiserver/manifests/${MIRROR_TAG}`, {
        headers: { accept: ACCEPT, authorization: `Basic ${Buffer.from('mirror:mirror-secret').toString('base64')}` },
      });
      expect(sha256(Buffer.from(await res.arrayBuffer()))).toBe(fixture.apiserver.digest);
    } finally {
      await watched.close();
    }
  });
});
