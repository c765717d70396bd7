// The far side of an air gap: images in a private mirror (registry.k8s.io=HOST/PREFIX) or an OCI layout, a trusted
// root and signatures carried as bundles, verified by the CLI inside a network namespace that has nothing but its
// own loopback (test/helpers/netns.ts). The bundles are written on the connected side by verify-images --bundle-dir.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OciLayoutWriter } from '../../src/registry/index.js';
import { runCli } from '../helpers/cli.js';
import { netnsMissing, netnsRegistry, runCliOffline, runInNetns, type NetnsRegistry } from '../helpers/netns.js';
import { getTestPki, signImageLegacy } from '../helpers/pki/index.js';
import { registryMissing, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { OCI_MANIFEST, pushImage, pushLegacySignatures } from '../helpers/registry-push.js';
import { pushSignedRelease, type PushedRelease } from '../helpers/registry-sbom.js';
import { publishSigned } from '../helpers/release-fixture.js';

const VERSION = 'v1.99.0';
const CONNECT = `const s = require('node:net').connect(Number(process.argv[2]), process.argv[1]);
s.setTimeout(3000, () => { console.log('timeout'); process.exit(0); });
s.on('connect', () => { console.log('connected'); process.exit(0); });
s.on('error', (e) => { console.log(e.code); process.exit(0); });`;

interface ImagesJson {
  verified: boolean;
  summary: { total: number; verified: number; failed: number };
  images: Array<{
    reference: string;
    digest: string;
    verified: boolean;
    code: string;
    message: string;
    signatures: Array<{ kind: string; verified: boolean }>;
  }>;
  saved?: string[];
}

describe.skipIf(registryMissing || netnsMissing)('the far side, with no network but loopback', () => {
  let connected: TestRegistry;
  let mirror: TestRegistry;
  let offlineMirror: NetnsRegistry;
  let dir: string;
  let release: PushedRelease;
  const files = { root: '', sbom: '', carried: '' };
  const digestOf = (repository: string) => release.images.find((i) => i.repository === repository)!.image.digest;
  const mirrorFlag = () => ['--registry-mirror', `registry.k8s.io=127.0.0.1:${offlineMirror.port}/k8s`];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-far-side-'));
    files.root = join(dir, 'trusted_root.json');
    await writeFile(files.root, (await getTestPki()).trustedRootText);
    // The connected side: registry.k8s.io (a local registry standing in) with the images and their .sig tags.
    connected = await startRegistry();
    release = await pushSignedRelease({ url: connected.url }, VERSION, ['kube-apiserver', 'kube-proxy'], ['amd64', 'arm64']);
    files.sbom = join(dir, 'release.spdx');
    await writeFile(files.sbom, release.sbom);
    // The private mirror: the same images under k8s/, copied by a tool that kept only kube-apiserver-amd64's signature.
    mirror = await startRegistry();
    for (const i of release.images) await pushImage({ url: mirror.url }, `k8s/${i.repository}`, i.image, VERSION);
    const kept = await signImageLegacy('registry.k8s.io/kube-apiserver-amd64', digestOf('kube-apiserver-amd64'));
    await pushLegacySignatures({ url: mirror.url }, 'k8s/kube-apiserver-amd64', digestOf('kube-apiserver-amd64'), [kept]);
    offlineMirror = netnsRegistry(join(mirror.dir, 'data'), dir, Number(mirror.host.split(':')[1]));
    files.carried = join(dir, 'carried');
  });
  afterAll(async () => {
    await connected?.stop();
    await mirror?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('control: inside the namespace this host is unreachable, by its own address and by its loopback', async () => {
    const server: Server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
    const port = (server.address() as { port: number }).port;
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
    try {
      const targets = [['127.0.0.1', String(port)], ...(external ? [[external, String(port)]] : []), ['192.0.2.123', '443']];
      for (const [host, p] of targets) {
        // From here the listener answers (the address is real); from inside the namespace nothing does.
        if (host !== '192.0.2.123') expect((await runInNetnsFree(['-e', CONNECT, host!, p!])).stdout.trim()).toBe('connected');
        const inside = await runInNetns([process.execPath, '-e', CONNECT, host!, p!]);
        expect(inside.stdout.trim(), `${host}:${p}`).toMatch(/^(ECONNREFUSED|ENETUNREACH|EHOSTUNREACH|timeout)$/);
      }
      // The connected registry, also on this host's loopback, is out of reach too.
      const registry = await runCliOffline(['images', files.sbom, '--pin', '--registry-mirror', `registry.k8s.io=${connected.host}`]);
      expect(registry.code, registry.stderr).toBe(3);
      expect(registry.stderr).toContain('REGISTRY_UNREACHABLE');
    } finally {
      server.close();
    }
  });

  it('connected side: verify-images --bundle-dir writes a bundle and its payload for each verified image', async () => {
    const r = await runCli([
      'verify-images',
      files.sbom,
      '--trusted-root',
      files.root,
      '--registry-mirror',
      `registry.k8s.io=${connected.host}`,
      '--bundle-dir',
      files.carried,
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as ImagesJson;
    expect(doc.saved).toHaveLength(8);
    expect(JSON.stringify(doc.images)).not.toContain('bundleOut');
    const names = (await readdir(files.carried)).sort();
    const expected = release.images.flatMap((i) => [
      `${i.image.digest.replace(':', '-')}-0.payload.json`,
      `${i.image.digest.replace(':', '-')}-0.sigstore.json`,
    ]);
    expect(names).toEqual(expected.sort());
  });

  it('--bundle-dir and --bundles-from never name the same folder; a --bundles-from folder that is not there stops the run', async () => {
    const base = [
      'verify-image',
      `registry.k8s.io/kube-proxy-amd64:${VERSION}`,
      '--trusted-root',
      files.root,
      '--registry-mirror',
      `registry.k8s.io=${connected.host}`,
    ];
    const same = await runCli([...base, '--bundle-dir', files.carried, '--bundles-from', `${files.carried}/`]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('[OPTION_CONFLICT]');
    const absent = await runCli([...base, '--bundles-from', join(dir, 'not-carried')]);
    expect(absent.code).toBe(3);
    expect(absent.stderr).toContain(`${join(dir, 'not-carried')}: no such file`);
  });

  it('verify-images against the mirror (HOST/PREFIX) with --trusted-root and the carried bundles passes offline', async () => {
    const r = await runCliOffline(['verify-images', files.sbom, '--trusted-root', files.root, ...mirrorFlag(), '--bundles-from', files.carried, '--json'], {
      registry: offlineMirror,
    });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as ImagesJson;
    expect(doc.summary).toMatchObject({ total: 4, verified: 4, failed: 0 });
    const kinds = (ref: string) =>
      doc.images
        .find((i) => i.reference.includes(ref))!
        .signatures.filter((s) => s.verified)
        .map((s) => s.kind);
    // kube-apiserver-amd64's .sig tag was copied into the mirror; the others only have their carried bundles.
    expect(kinds('kube-apiserver-amd64')).toEqual(['cosign-legacy', 'carried-bundle']);
    expect(kinds('kube-proxy-arm64')).toEqual(['carried-bundle']);
    // The layers the SBOM lists were checked against what the mirror serves, under its prefix.
    for (const image of doc.images) expect(image.verified).toBe(true);
  });

  it('without a carried bundle, the image that has no signature in the mirror fails closed and says what to carry', async () => {
    const partial = join(dir, 'partial');
    await mkdir(partial);
    const dropped = digestOf('kube-proxy-arm64').replace(':', '-');
    for (const name of await readdir(files.carried)) if (!name.startsWith(dropped)) await copyFile(join(files.carried, name), join(partial, name));
    const r = await runCliOffline(['verify-images', files.sbom, '--trusted-root', files.root, ...mirrorFlag(), '--bundles-from', partial, '--json'], {
      registry: offlineMirror,
    });
    expect(r.code, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout) as ImagesJson;
    const failed = doc.images.filter((i) => !i.verified);
    expect(failed.map((i) => [i.reference, i.code])).toEqual([[`registry.k8s.io/kube-proxy-arm64:${VERSION}`, 'NO_SIGNATURES']]);
    expect(failed[0]!.message).toContain(join(partial, `${dropped}-N.sigstore.json`));
    expect(failed[0]!.message).toContain('verify-image --bundle-dir');
    // With no folder at all, the message names --bundles-from.
    const none = await runCliOffline(['verify-images', files.sbom, '--trusted-root', files.root, ...mirrorFlag(), '--json'], { registry: offlineMirror });
    expect(none.code, none.stderr).toBe(1);
    const noneDoc = JSON.parse(none.stdout) as ImagesJson;
    expect(noneDoc.summary).toMatchObject({ verified: 1, failed: 3 });
    expect(noneDoc.images.find((i) => !i.verified)!.message).toContain('pass --bundles-from DIR with bundles written by verify-image --bundle-dir');
  });

  it('a carried bundle with one byte changed, or one for another image, does not verify', async () => {
    const target = digestOf('kube-proxy-amd64').replace(':', '-');
    const other = digestOf('kube-proxy-arm64').replace(':', '-');
    const changed = join(dir, 'changed');
    const swapped = join(dir, 'swapped');
    await mkdir(changed);
    await mkdir(swapped);
    const bundle = await readFile(join(files.carried, `${target}-0.sigstore.json`));
    const json = JSON.parse(bundle.toString('utf8')) as { messageSignature: { signature: string } };
    const signature = Buffer.from(json.messageSignature.signature, 'base64');
    signature[20]! ^= 0x01;
    json.messageSignature.signature = signature.toString('base64');
    await writeFile(join(changed, `${target}-0.sigstore.json`), JSON.stringify(json));
    await copyFile(join(files.carried, `${target}-0.payload.json`), join(changed, `${target}-0.payload.json`));
    // kube-proxy-arm64's own (valid) bundle and payload, named for kube-proxy-amd64.
    await copyFile(join(files.carried, `${other}-0.sigstore.json`), join(swapped, `${target}-0.sigstore.json`));
    await copyFile(join(files.carried, `${other}-0.payload.json`), join(swapped, `${target}-0.payload.json`));
    const ref = `registry.k8s.io/kube-proxy-amd64:${VERSION}`;
    for (const [folder, code] of [
      [changed, 'SIGNATURE_INVALID'],
      [swapped, 'PAYLOAD_DIGEST_MISMATCH'],
    ] as const) {
      const r = await runCliOffline(['verify-image', ref, '--trusted-root', files.root, ...mirrorFlag(), '--bundles-from', folder, '--json'], {
        registry: offlineMirror,
      });
      expect(r.code, `${folder}: ${r.stderr}`).toBe(1);
      const doc = JSON.parse(r.stdout) as ImagesJson;
      expect(doc.images[0]).toMatchObject({ verified: false, code });
    }
    // The untouched folder verifies the same image (verify-image reads --bundles-from as verify-images does).
    const good = await runCliOffline(
      ['verify-image', ref, '--trusted-root', files.root, ...mirrorFlag(), '--bundles-from', files.carried, '--output', 'text'],
      {
        registry: offlineMirror,
      },
    );
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).toBe(`registry.k8s.io/kube-proxy-amd64@${digestOf('kube-proxy-amd64')}\n`);
  });

  it('--oci-layout DIR offline: signatures carried in the layout, or beside it as bundles', async () => {
    const layoutDir = join(dir, 'layout');
    const layout = await OciLayoutWriter.open(layoutDir);
    for (const i of release.images) {
      for (const l of i.image.layers) await layout.putBlob(l.blob);
      await layout.putBlob(i.image.config);
      await layout.putManifest(i.image.manifest, { mediaType: OCI_MANIFEST, refName: `registry.k8s.io/${i.repository}:${VERSION}` });
    }
    // Only the amd64 images carry their .sig in the layout; arm64 relies on bundles.
    for (const i of release.images.filter((x) => x.arch === 'amd64'))
      await layout.putLegacySignatures(`registry.k8s.io/${i.repository}`, i.image.digest, [
        await signImageLegacy(`registry.k8s.io/${i.repository}`, i.image.digest),
      ]);
    await layout.save();
    const base = ['verify-images', files.sbom, '--trusted-root', files.root, '--oci-layout', layoutDir, '--json'];
    const amd64 = await runCliOffline([...base, '--arch', 'amd64']);
    expect(amd64.code, amd64.stderr).toBe(0);
    expect((JSON.parse(amd64.stdout) as ImagesJson).summary).toMatchObject({ total: 2, verified: 2 });
    const all = await runCliOffline([...base, '--bundles-from', files.carried]);
    expect(all.code, all.stderr).toBe(0);
    expect((JSON.parse(all.stdout) as ImagesJson).summary).toMatchObject({ total: 4, verified: 4 });
    const bare = await runCliOffline(base);
    expect(bare.code).toBe(1);
    expect((JSON.parse(bare.stdout) as ImagesJson).summary).toMatchObject({ total: 4, verified: 2, failed: 2 });
    // Without --trusted-root, the one place that would reach out (a TUF refresh) cannot, and the warning says what to give.
    const noRoot = await runCliOffline([
      'verify-images',
      files.sbom,
      '--oci-layout',
      layoutDir,
      '--arch',
      'amd64',
      '--cache-dir',
      join(dir, 'cache'),
      '--json',
    ]);
    expect(noRoot.code).toBe(1);
    expect(noRoot.stderr).toContain('could not refresh the trusted root through TUF');
    expect(noRoot.stderr).toContain('give --trusted-root FILE from kube-sbom trust-root export, or --offline');
  });

  it('a .sig layer without its Rekor entry fails offline and points at carried bundles, which complete it', async () => {
    const layoutDir = join(dir, 'layout-no-set');
    const layout = await OciLayoutWriter.open(layoutDir);
    const i = release.images[0]!;
    for (const l of i.image.layers) await layout.putBlob(l.blob);
    await layout.putBlob(i.image.config);
    await layout.putManifest(i.image.manifest, { mediaType: OCI_MANIFEST, refName: `registry.k8s.io/${i.repository}:${VERSION}` });
    const sig = await signImageLegacy(`registry.k8s.io/${i.repository}`, i.image.digest);
    const annotations = Object.fromEntries(Object.entries(sig.annotations).filter(([k]) => k !== 'dev.sigstore.cosign/bundle'));
    await layout.putLegacySignatures(`registry.k8s.io/${i.repository}`, i.image.digest, [{ payload: sig.payload, annotations }]);
    await layout.save();
    const args = ['verify-image', `registry.k8s.io/${i.repository}:${VERSION}`, '--trusted-root', files.root, '--oci-layout', layoutDir, '--json'];
    const r = await runCliOffline(args);
    expect(r.code, r.stderr).toBe(1);
    const tlog = (
      JSON.parse(r.stdout) as { images: Array<{ signatures: Array<{ checks: Array<{ check: string; status: string; message: string }> }> }> }
    ).images[0]!.signatures[0]!.checks.find((c) => c.check === 'transparency-log')!;
    expect(tlog.status).toBe('fail');
    expect(tlog.message).toContain('pass --bundles-from DIR with bundles written by verify-image --bundle-dir');
    expect((await runCliOffline([...args, '--bundles-from', files.carried])).code).toBe(0);
  });

  /** A copy of sbom.k8s.io holding the release SBOM with its checksums and signature, and its saved Rekor entry. */
  async function carriedSite(): Promise<{ sbomUrl: string; entry: string }> {
    const site = join(dir, 'site');
    await publishSigned(site, join('sbom', VERSION, 'release'), Buffer.from(release.sbom));
    const hash = createHash('sha256').update(release.sbom).digest('hex');
    const [uuid] = JSON.parse(await readFile(join(site, 'rekor', 'by-hash', `${hash}.json`), 'utf8')) as string[];
    const entry = join(site, 'release.rekor.json');
    await copyFile(join(site, 'rekor', 'entries', `${uuid}.json`), entry);
    return { sbomUrl: pathToFileURL(join(site, 'sbom')).href, entry };
  }

  it('verify-images VERSION offline: the release SBOM from a file:// copy with its saved Rekor entry, the images from the mirror', async () => {
    const site = await carriedSite();
    const args = [
      'verify-images',
      VERSION,
      '--sbom-url',
      site.sbomUrl,
      '--no-cache',
      '--trusted-root',
      files.root,
      ...mirrorFlag(),
      '--bundles-from',
      files.carried,
      '--json',
    ];
    const r = await runCliOffline([...args, '--rekor-entry', site.entry], { registry: offlineMirror });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ verified: true, source: `${VERSION} release SBOM`, summary: { total: 4, verified: 4 } });
    // Without the entry there is no Rekor to ask: it stops and names the flag that carries it.
    const missing = await runCliOffline([...args, '--offline'], { registry: offlineMirror });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('--rekor-entry FILE');
  });

  it('verify-release --only images offline reads the carried bundles too', async () => {
    const site = await carriedSite();
    const args = ['verify-release', VERSION, '--only', 'images', '--sbom-url', site.sbomUrl, '--sbom-rekor-entry', site.entry, '--no-cache'];
    const r = await runCliOffline([...args, '--trusted-root', files.root, ...mirrorFlag(), '--bundles-from', files.carried, '--json'], {
      registry: offlineMirror,
    });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { verified: boolean; artifacts: Array<{ kind: string; status: string }> };
    expect(doc.verified).toBe(true);
    expect(doc.artifacts.map((a) => [a.kind, a.status])).toEqual(Array.from({ length: 4 }, () => ['image', 'pass']));
    // Without the folder the three images the mirror holds no signature for fail.
    const bare = await runCliOffline([...args, '--trusted-root', files.root, ...mirrorFlag(), '--json'], { registry: offlineMirror });
    expect(bare.code).toBe(1);
    expect(bare.stdout).toContain('pass --bundles-from DIR with bundles written by verify-image --bundle-dir');
  });

  it('images --pin resolves every tag through the mirror (HOST/PREFIX) offline', async () => {
    const r = await runCliOffline(['images', files.sbom, '--pin', ...mirrorFlag(), '--offline'], { registry: offlineMirror });
    expect(r.code, r.stderr).toBe(0);
    const expected = release.images.map((i) => `registry.k8s.io/${i.repository}@${i.image.digest}`).sort();
    expect(r.stdout.trim().split('\n')).toEqual(expected);
    const layout = await runCliOffline(['images', files.sbom, '--pin', '--oci-layout', join(dir, 'layout'), '--offline']);
    expect(layout.code, layout.stderr).toBe(0);
    expect(layout.stdout.trim().split('\n')).toEqual(expected);
    // --offline never lets --pin reach for registry.k8s.io itself.
    const refused = await runCli(['images', files.sbom, '--pin', '--offline']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('[OFFLINE_REGISTRY]');
  });
});

/** The same connect probe outside the namespace: what the control compares with. */
function runInNetnsFree(args: string[]): Promise<{ stdout: string }> {
  return import('node:child_process').then(
    ({ execFile }) =>
      new Promise((resolve, reject) => execFile(process.execPath, args, (err, stdout) => (err ? reject(err) : resolve({ stdout: String(stdout) })))),
  );
}
