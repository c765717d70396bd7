// verify-image --bundle-dir: a verified legacy image signature written as a standard Sigstore bundle beside its
// signed payload; the installed @sigstore/verify Verifier accepts it directly, one changed byte makes it fail,
// and nothing is written for an image that did not verify.
import { createRequire } from 'node:module';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OciLayoutWriter } from '../../src/registry/index.js';
import { projectRoot, runCli } from '../helpers/cli.js';
import { getTestPki, GOOGLE_ISSUER, K8S_IMAGE_IDENTITY, signImageLegacy } from '../helpers/pki/index.js';
import { makeImage, OCI_MANIFEST } from '../helpers/registry-push.js';
import { listFiles } from './release-env.js';

const require = createRequire(join(projectRoot, 'package.json'));
const sigstoreVerify = require('@sigstore/verify') as typeof import('@sigstore/verify');
const sigstoreBundle = require('@sigstore/bundle') as typeof import('@sigstore/bundle');
const { TrustedRoot } = require('@sigstore/protobuf-specs') as typeof import('@sigstore/protobuf-specs');

describe('verify-image --bundle-dir', () => {
  let dir: string;
  let signedDigest: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-image-bundles-'));
    await writeFile(join(dir, 'trusted_root.json'), (await getTestPki()).trustedRootText);
    const layout = await OciLayoutWriter.open(join(dir, 'layout'));
    const put = async (name: string) => {
      const image = makeImage();
      for (const l of image.layers) await layout.putBlob(l.blob);
      await layout.putBlob(image.config);
      return (await layout.putManifest(image.manifest, { mediaType: OCI_MANIFEST, refName: `registry.k8s.io/${name}:v1.30.0` })).digest;
    };
    signedDigest = await put('kube-proxy-amd64');
    const sig = await signImageLegacy('registry.k8s.io/kube-proxy-amd64', signedDigest);
    await layout.putLegacySignatures('registry.k8s.io/kube-proxy-amd64', signedDigest, [sig]);
    await put('kube-controller-manager-amd64');
    await layout.save();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const run = (refs: string[], out: string) =>
    runCli([
      'verify-image',
      ...refs,
      '--oci-layout',
      join(dir, 'layout'),
      '--trusted-root',
      join(dir, 'trusted_root.json'),
      '--offline',
      '--json',
      '--bundle-dir',
      out,
    ]);

  async function libraryVerifies(bundleJson: unknown, payload: Uint8Array): Promise<void> {
    const root = TrustedRoot.fromJSON(JSON.parse(await readFile(join(dir, 'trusted_root.json'), 'utf8')));
    const verifier = new sigstoreVerify.Verifier(sigstoreVerify.toTrustMaterial(root));
    const policy = { subjectAlternativeName: `^${K8S_IMAGE_IDENTITY.replace(/[.]/g, '\\.')}$`, extensions: { issuer: GOOGLE_ISSUER } };
    verifier.verify(sigstoreVerify.toSignedEntity(sigstoreBundle.bundleFromJSON(bundleJson), Buffer.from(payload)), policy);
  }

  it('writes the legacy signature as a bundle that the library and verify-blob --bundle accept; one byte changed does not', async () => {
    const out = join(dir, 'out');
    const r = await run(['registry.k8s.io/kube-proxy-amd64:v1.30.0'], out);
    expect(r.code, r.stderr).toBe(0);
    const name = `${signedDigest.replace(':', '-')}-0`;
    expect(await listFiles(out)).toEqual([`${name}.payload.json`, `${name}.sigstore.json`]);
    const doc = JSON.parse(r.stdout) as { saved: string[]; images: { signatures: object[] }[] };
    expect(doc.saved).toEqual([join(out, `${name}.sigstore.json`), join(out, `${name}.payload.json`)]);
    expect(doc.images[0]!.signatures[0]).not.toHaveProperty('bundleOut');

    const json = JSON.parse(await readFile(join(out, `${name}.sigstore.json`), 'utf8')) as { mediaType: string; messageSignature: { signature: string } };
    const payload = await readFile(join(out, `${name}.payload.json`));
    expect(JSON.parse(payload.toString('utf8'))).toHaveProperty('critical.image.docker-manifest-digest', signedDigest);
    // cosign's layer annotation carries a SET only, so the newest version it allows is v0.1.
    expect(json.mediaType).toBe('application/vnd.dev.sigstore.bundle+json;version=0.1');
    await expect(libraryVerifies(json, payload)).resolves.toBeUndefined();
    const signature = Buffer.from(json.messageSignature.signature, 'base64');
    signature[10]! ^= 0x01;
    await expect(
      libraryVerifies({ ...json, messageSignature: { ...json.messageSignature, signature: signature.toString('base64') } }, payload),
    ).rejects.toThrow();
    const changed = Buffer.from(payload);
    changed[changed.length - 2]! ^= 0x01;
    await expect(libraryVerifies(json, changed)).rejects.toThrow();

    const blob = await runCli([
      'verify-blob',
      join(out, `${name}.payload.json`),
      '--bundle',
      join(out, `${name}.sigstore.json`),
      '--offline',
      '--trusted-root',
      join(dir, 'trusted_root.json'),
      '--certificate-identity',
      K8S_IMAGE_IDENTITY,
      '--certificate-oidc-issuer',
      GOOGLE_ISSUER,
    ]);
    expect(blob.code, blob.stderr).toBe(0);
  });

  it('writes nothing for an image that did not verify', async () => {
    const out = join(dir, 'out-unsigned');
    const r = await run(['registry.k8s.io/kube-controller-manager-amd64:v1.30.0'], out);
    expect(r.code).toBe(1);
    expect(await listFiles(out)).toEqual([]);
  });
});
