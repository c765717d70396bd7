// The release SBOM on the far side through its Sigstore bundle: verify-sbom -o writes release.sigstore.json on the
// connected side; inside a network namespace (test/helpers/netns.ts) verify-images VERSION, images VERSION and
// verify-release read the file:// copy with --sbom-bundle instead of a Rekor lookup or --rekor-entry. A bundle that
// does not hold the copy's signature, over the copy's bytes, by the release signer fails.
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { netnsMissing, netnsRegistry, runCliOffline, type NetnsRegistry } from '../helpers/netns.js';
import { getTestPki } from '../helpers/pki/index.js';
import { registryMissing, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { pushSignedRelease, type PushedRelease } from '../helpers/registry-sbom.js';
import { publishSigned } from '../helpers/release-fixture.js';
import { ReleaseMirror } from '../helpers/release-mirror.js';

const VERSION = 'v1.99.0';
const OTHER = 'someone-else@example.com';
const hex = (alg: string, b: Uint8Array) => createHash(alg).update(b).digest('hex');

describe.skipIf(registryMissing || netnsMissing)('the release SBOM offline through its Sigstore bundle (--sbom-bundle)', () => {
  let registry: TestRegistry;
  let offlineRegistry: NetnsRegistry;
  let dir: string;
  let root: string;
  let release: PushedRelease;
  /** verify-sbom -o output: a file:// copy of sbom.k8s.io with release.sigstore.json. */
  const carried = { sbomUrl: '', bundle: '', dir: '' };
  /** The same bytes, published and bundled by another signer. */
  const other = { sbomUrl: '', bundle: '' };

  async function carry(site: string, identity: string | undefined, out: string): Promise<void> {
    await mkdir(join(site, 'dl', 'release'), { recursive: true });
    await writeFile(join(site, 'dl', 'release', 'stable.txt'), VERSION);
    const mirror = await ReleaseMirror.start(site);
    try {
      const flags = ['--sbom-url', mirror.sbomUrl, '--dl-url', mirror.dlUrl, '--rekor-url', mirror.rekorUrl, '--no-cache', '--trusted-root', root];
      const r = await runCli(['verify-sbom', VERSION, ...flags, ...(identity ? ['--certificate-identity', identity] : []), '-o', out]);
      expect(r.code, r.stderr).toBe(0);
    } finally {
      await mirror.close();
    }
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-sbom-bundle-'));
    root = join(dir, 'trusted_root.json');
    await writeFile(root, (await getTestPki()).trustedRootText);
    registry = await startRegistry();
    release = await pushSignedRelease({ url: registry.url }, VERSION, ['kube-proxy'], ['amd64', 'arm64']);
    offlineRegistry = netnsRegistry(join(registry.dir, 'data'), dir, Number(registry.host.split(':')[1]));
    const site = join(dir, 'site');
    await publishSigned(site, join('sbom', VERSION, 'release'), Buffer.from(release.sbom));
    carried.dir = join(dir, 'carried', 'sbom', VERSION);
    await carry(site, undefined, carried.dir);
    carried.sbomUrl = pathToFileURL(join(dir, 'carried', 'sbom')).href;
    carried.bundle = join(carried.dir, 'release.sigstore.json');
    const otherSite = join(dir, 'other-site');
    await publishSigned(otherSite, join('sbom', VERSION, 'release'), Buffer.from(release.sbom), { identity: OTHER });
    await carry(otherSite, OTHER, join(dir, 'other', 'sbom', VERSION));
    other.sbomUrl = pathToFileURL(join(dir, 'other', 'sbom')).href;
    other.bundle = join(dir, 'other', 'sbom', VERSION, 'release.sigstore.json');
  });
  afterAll(async () => {
    await registry?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const images = (sbomUrl: string, bundle: string) => [
    'verify-images',
    VERSION,
    '--sbom-url',
    sbomUrl,
    '--sbom-bundle',
    bundle,
    '--no-cache',
    '--trusted-root',
    root,
    '--registry-mirror',
    `registry.k8s.io=${registry.host}`,
    '--json',
  ];
  /** What a run whose release SBOM did not verify says (the --json error document). */
  const sbomFailure = (r: { stdout: string; stderr: string }) => {
    const { error } = JSON.parse(r.stdout.trim() ? r.stdout : r.stderr) as { error: { code: string; message: string } };
    expect(error.code).toBe('SBOM_NOT_VERIFIED');
    return error.message;
  };

  it('verify-sbom -o wrote release.sigstore.json beside the copy', async () => {
    const bundle = JSON.parse(await readFile(carried.bundle, 'utf8')) as { mediaType: string; messageSignature: { signature: string } };
    expect(bundle.mediaType).toMatch(/^application\/vnd\.dev\.sigstore\.bundle/);
    expect(bundle.messageSignature.signature).toBe((await readFile(join(carried.dir, 'release.sig'), 'utf8')).trim());
  });

  it('verify-images VERSION, images VERSION and verify-release pass offline with the bundle, and fail closed without it', async () => {
    const r = await runCliOffline(images(carried.sbomUrl, carried.bundle), { registry: offlineRegistry });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ verified: true, source: `${VERSION} release SBOM`, summary: { total: 2, verified: 2 } });

    const listed = await runCliOffline([
      'images',
      VERSION,
      '--sbom-url',
      carried.sbomUrl,
      '--sbom-bundle',
      carried.bundle,
      '--no-cache',
      '--offline',
      '--trusted-root',
      root,
    ]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout.trim().split('\n').sort()).toEqual(release.images.map((i) => `registry.k8s.io/${i.repository}:${VERSION}`).sort());

    const verified = await runCliOffline(
      [
        'verify-release',
        VERSION,
        '--only',
        'images',
        '--sbom-url',
        carried.sbomUrl,
        '--sbom-bundle',
        carried.bundle,
        '--no-cache',
        '--trusted-root',
        root,
        '--registry-mirror',
        `registry.k8s.io=${registry.host}`,
        '--json',
      ],
      { registry: offlineRegistry },
    );
    expect(verified.code, verified.stderr).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ verified: true });

    // Without a bundle (or entry) there is no Rekor to ask: it stops and names both flags.
    const args = images(carried.sbomUrl, carried.bundle).filter((a) => a !== '--sbom-bundle' && a !== carried.bundle);
    const none = await runCliOffline([...args, '--offline'], { registry: offlineRegistry });
    expect(none.code).toBe(3);
    expect(none.stderr).toContain('--sbom-bundle FILE');
  });

  it('a bundle with one byte of its signature changed fails (exit 1): it is not the copy’s signature', async () => {
    const json = JSON.parse(await readFile(carried.bundle, 'utf8')) as { messageSignature: { signature: string } };
    const signature = Buffer.from(json.messageSignature.signature, 'base64');
    signature[12]! ^= 0x01;
    json.messageSignature.signature = signature.toString('base64');
    const changed = join(dir, 'changed.sigstore.json');
    await writeFile(changed, JSON.stringify(json));
    const r = await runCliOffline(images(carried.sbomUrl, changed), { registry: offlineRegistry });
    expect(r.code, r.stderr).toBe(1);
    expect(sbomFailure(r)).toContain('(signature: BUNDLE_MISMATCH)');
  });

  it('the copy with one SBOM byte changed (checksums rewritten to match) fails the bundle (exit 1)', async () => {
    const copy = join(dir, 'tampered', 'sbom');
    await cp(join(dir, 'carried', 'sbom'), copy, { recursive: true });
    const path = join(copy, VERSION, 'release');
    const bytes = await readFile(path);
    const at = bytes.indexOf('Creator: Tool: kube-sbom-test');
    bytes[at + 'Creator: Tool: '.length] = 'K'.charCodeAt(0);
    await writeFile(path, bytes);
    await writeFile(`${path}.sha256`, hex('sha256', bytes));
    await writeFile(`${path}.sha512`, hex('sha512', bytes));
    const r = await runCliOffline(images(pathToFileURL(copy).href, join(copy, VERSION, 'release.sigstore.json')), { registry: offlineRegistry });
    expect(r.code, r.stderr).toBe(1);
    expect(sbomFailure(r)).toContain('(signature: ARTIFACT_DIGEST_MISMATCH)');
  });

  it('a valid bundle of the same bytes by another signer fails the release identity (exit 1)', async () => {
    const r = await runCliOffline(images(other.sbomUrl, other.bundle), { registry: offlineRegistry });
    expect(r.code, r.stderr).toBe(1);
    expect(sbomFailure(r)).toContain('(signature: IDENTITY_MISMATCH)');
    // And the release's own bundle does not stand in for that copy's signature.
    const swapped = await runCliOffline(images(other.sbomUrl, carried.bundle), { registry: offlineRegistry });
    expect(swapped.code).toBe(1);
    expect(sbomFailure(swapped)).toContain('(signature: BUNDLE_MISMATCH)');
  });

  it('mirror VERSION --sbom into an OCI layout carries everything: the SBOM files taken out of it verify offline with --oci-layout', async () => {
    const site = join(dir, 'site');
    const mirror = await ReleaseMirror.start(site);
    const layout = join(dir, 'layout');
    try {
      const flags = ['--sbom-url', mirror.sbomUrl, '--dl-url', mirror.dlUrl, '--rekor-url', mirror.rekorUrl, '--no-cache', '--trusted-root', root];
      const r = await runCli([
        'mirror',
        VERSION,
        '--to',
        `oci-layout:${layout}`,
        '--sbom',
        ...flags,
        '--registry-mirror',
        `registry.k8s.io=${registry.host}`,
        '--json',
      ]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
    } finally {
      await mirror.close();
    }
    // What `oras pull` would do on the far side: each layer of the SBOM artifact written under its title.
    const index = JSON.parse(await readFile(join(layout, 'index.json'), 'utf8')) as {
      manifests: Array<{ digest: string; annotations?: Record<string, string> }>;
    };
    const entry = index.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === `sbom.k8s.io/kubernetes-release-sbom:${VERSION}`)!;
    const blob = (digest: string) => readFile(join(layout, 'blobs', 'sha256', digest.slice('sha256:'.length)));
    const manifest = JSON.parse((await blob(entry.digest)).toString('utf8')) as { layers: Array<{ digest: string; annotations: Record<string, string> }> };
    const pulled = join(dir, 'pulled', 'sbom', VERSION);
    await mkdir(pulled, { recursive: true });
    for (const layer of manifest.layers) await writeFile(join(pulled, layer.annotations['org.opencontainers.image.title']!), await blob(layer.digest));
    const offline = await runCliOffline([
      'verify-images',
      VERSION,
      '--sbom-url',
      pathToFileURL(join(dir, 'pulled', 'sbom')).href,
      '--sbom-bundle',
      join(pulled, 'release.sigstore.json'),
      '--no-cache',
      '--trusted-root',
      root,
      '--oci-layout',
      layout,
      '--json',
    ]);
    expect(offline.code, offline.stderr).toBe(0);
    expect(JSON.parse(offline.stdout)).toMatchObject({ verified: true, source: `${VERSION} release SBOM`, summary: { total: 2, verified: 2 } });
  });

  it('--sbom-bundle and --rekor-entry are one or the other; a FILE source takes no bundle (exit 2)', async () => {
    const r = await runCli([...images(carried.sbomUrl, carried.bundle), '--rekor-entry', join(carried.dir, 'release.rekor.json')]);
    expect(r.code).toBe(2);
    for (const command of ['verify-images', 'images']) {
      const file = await runCli([command, join(carried.dir, 'release'), '--sbom-bundle', carried.bundle, '--trusted-root', root]);
      expect(file.code, command).toBe(2);
      expect(file.stderr).toContain('--sbom-bundle checks a release VERSION download');
    }
  });
});
