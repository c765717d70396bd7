// pin offline: images and signatures (legacy .sig and Sigstore bundle referrers) in an OCI layout folder.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OciLayoutWriter } from '../../src/registry/index.js';
import { runCli } from '../helpers/cli.js';
import { getTestPki, signImageLegacy } from '../helpers/pki/index.js';
import { makeImage, OCI_MANIFEST } from '../helpers/registry-push.js';
import { signImageBundle } from '../helpers/registry-signatures.js';

describe('pin --oci-layout --offline', () => {
  let dir: string;
  const d = { proxy: '', scheduler: '', controller: '' };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-pin-layout-'));
    await writeFile(join(dir, 'trusted_root.json'), (await getTestPki()).trustedRootText);
    const layout = await OciLayoutWriter.open(join(dir, 'layout'));
    const put = async (name: string) => {
      const image = makeImage();
      for (const l of image.layers) await layout.putBlob(l.blob);
      await layout.putBlob(image.config);
      return layout.putManifest(image.manifest, { mediaType: OCI_MANIFEST, refName: `registry.k8s.io/${name}:v1.30.0` });
    };
    d.proxy = (await put('kube-proxy')).digest;
    await layout.putLegacySignatures('registry.k8s.io/kube-proxy', d.proxy, [await signImageLegacy('registry.k8s.io/kube-proxy', d.proxy)]);
    const scheduler = await put('kube-scheduler');
    d.scheduler = scheduler.digest;
    const bundle = Buffer.from(JSON.stringify(await signImageBundle('registry.k8s.io/kube-scheduler', d.scheduler)));
    await layout.putBundleReferrer({ mediaType: OCI_MANIFEST, digest: d.scheduler, size: scheduler.size }, bundle);
    d.controller = (await put('kube-controller-manager')).digest;
    await layout.save();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const pin = (args: string[]) => runCli(['pin', ...args, '--oci-layout', join(dir, 'layout'), '--trusted-root', join(dir, 'trusted_root.json'), '--offline']);

  it('pins images signed either way, then --check passes; an unsigned one fails --check', async () => {
    const file = join(dir, 'pods.yaml');
    const text = `# kube-proxy and kube-scheduler
kind: DaemonSet
metadata: {name: kube-proxy}
spec:
  template:
    spec:
      containers:
      - name: kube-proxy
        image: registry.k8s.io/kube-proxy:v1.30.0
---
kind: Pod
metadata: {name: kube-scheduler}
spec:
  containers:
  - name: kube-scheduler
    image: "registry.k8s.io/kube-scheduler:v1.30.0"
`;
    await writeFile(file, text);
    const write = await pin([file, '--write']);
    expect(write.code, write.stderr).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(
      text.replace('kube-proxy:v1.30.0', `kube-proxy@${d.proxy}`).replace('kube-scheduler:v1.30.0', `kube-scheduler@${d.scheduler}`),
    );
    expect((await pin([file, '--check'])).code).toBe(0);

    const unsigned = join(dir, 'unsigned.yaml');
    await writeFile(unsigned, `kind: Pod\nspec:\n  containers:\n  - {name: c, image: registry.k8s.io/kube-controller-manager@${d.controller}}\n`);
    const check = await pin([unsigned, '--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^.*unsigned\.yaml:4: registry\.k8s\.io\/kube-controller-manager@sha256:[0-9a-f]{64}: not verified: .*\[NO_SIGNATURES\]\n$/);
  });

  it('says so when the files hold no container images (exit 0, nothing on stdout)', async () => {
    const file = join(dir, 'config.yaml');
    await writeFile(file, 'kind: ConfigMap\ndata: {image: registry.k8s.io/pause:3.9}\n');
    const r = await pin([file, '--check']);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(r.stderr).toContain('kube-sbom: warning: no container images in 1 file(s)');
  });
});
