// -o writes NAME.sigstore.json beside the verified files: a standard bundle that the installed @sigstore/verify
// public Verifier accepts on its own (driven here directly, not through our code), that verify-blob --bundle accepts
// offline, and that stops verifying when one byte of the signature or of the artifact changes.
import { createRequire } from 'node:module';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, realdataMissing, runCli } from '../helpers/cli.js';
import { writeSignature } from '../helpers/release-fixture.js';
import { GOOGLE_ISSUER, K8S_BLOB_IDENTITY } from '../helpers/pki/index.js';
import { pristineRelease, releaseEnv, removePristine, type ReleaseEnv } from './release-env.js';

const require = createRequire(join(projectRoot, 'package.json'));
const sigstoreVerify = require('@sigstore/verify') as typeof import('@sigstore/verify');
const sigstoreBundle = require('@sigstore/bundle') as typeof import('@sigstore/bundle');
const { TrustedRoot } = require('@sigstore/protobuf-specs') as typeof import('@sigstore/protobuf-specs');

const V03 = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const V01 = 'application/vnd.dev.sigstore.bundle+json;version=0.1';
const SBOM = join('sbom', 'v1.25.4', 'release');
let env: ReleaseEnv;

interface BundleJson {
  mediaType: string;
  verificationMaterial: Record<string, unknown> & { tlogEntries: Record<string, unknown>[] };
  messageSignature: { signature: string };
}

/** The public Verifier of the installed @sigstore/verify, exactly as a third party would call it. */
async function libraryVerifies(bundleJson: unknown, artifact: Uint8Array): Promise<void> {
  const root = TrustedRoot.fromJSON(JSON.parse(await readFile(join(env.root, 'trusted_root.json'), 'utf8')));
  const verifier = new sigstoreVerify.Verifier(sigstoreVerify.toTrustMaterial(root));
  const bundle = sigstoreBundle.bundleFromJSON(bundleJson);
  const policy = { subjectAlternativeName: `^${K8S_BLOB_IDENTITY.replace(/[.]/g, '\\.')}$`, extensions: { issuer: GOOGLE_ISSUER } };
  verifier.verify(sigstoreVerify.toSignedEntity(bundle, Buffer.from(artifact)), policy);
}

/** A copy of the bundle with one byte of its signature changed. */
function flipSignatureByte(json: BundleJson): BundleJson {
  const copy = structuredClone(json);
  const signature = Buffer.from(copy.messageSignature.signature, 'base64');
  signature[signature.length - 1]! ^= 0x01;
  copy.messageSignature.signature = signature.toString('base64');
  return copy;
}

const flipLastByte = (bytes: Buffer) => Buffer.concat([bytes.subarray(0, -1), Buffer.from([bytes[bytes.length - 1]! ^ 0x01])]);

const verifyBlob = (file: string, bundle: string) =>
  runCli([
    'verify-blob',
    file,
    '--bundle',
    bundle,
    '--offline',
    '--trusted-root',
    join(env.root, 'trusted_root.json'),
    '--certificate-identity',
    K8S_BLOB_IDENTITY,
    '--certificate-oidc-issuer',
    GOOGLE_ISSUER,
  ]);

async function written(name: string): Promise<{ json: BundleJson; artifact: Buffer; path: string }> {
  const path = join(env.outDir, `${name}.sigstore.json`);
  return { json: JSON.parse(await readFile(path, 'utf8')) as BundleJson, artifact: await readFile(join(env.outDir, name)), path };
}

describe.skipIf(realdataMissing)('-o writes standard Sigstore bundles', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    await pristineRelease();
  });
  afterAll(removePristine);
  afterEach(async () => env?.close());

  for (const [what, args, name] of [
    ['verify-sbom', ['verify-sbom', 'v1.25.4'], 'release'],
    ['verify-binary', ['verify-binary', 'kubectl', '--version', 'v1.25.4', '--os', 'linux', '--arch', 'amd64'], 'kubectl'],
  ] as const) {
    it(`${what}: the v0.3 bundle verifies with the library alone and with verify-blob --bundle; one byte changed does not`, async () => {
      env = await releaseEnv();
      const r = await runCli([...args, ...env.flags, '-o', env.outDir]);
      expect(r.code, r.stderr).toBe(0);
      const { json, artifact, path } = await written(name);
      expect(json.mediaType).toBe(V03);
      expect(Object.keys(json.verificationMaterial)).toContain('certificate');
      expect(json.verificationMaterial.tlogEntries[0]).toHaveProperty('inclusionProof.checkpoint.envelope');

      await expect(libraryVerifies(json, artifact)).resolves.toBeUndefined();
      await expect(libraryVerifies(flipSignatureByte(json), artifact)).rejects.toThrow();
      await expect(libraryVerifies(json, flipLastByte(artifact))).rejects.toThrow();

      const ok = await verifyBlob(join(env.outDir, name), path);
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout + ok.stderr).toContain('Verified OK');
      const tampered = join(env.outDir, '..', 'tampered.sigstore.json');
      await writeFile(tampered, JSON.stringify(flipSignatureByte(json)));
      expect((await verifyBlob(join(env.outDir, name), tampered)).code).toBe(1);
      const changed = join(env.outDir, '..', 'changed-artifact');
      await writeFile(changed, flipLastByte(artifact));
      expect((await verifyBlob(changed, path)).code).toBe(1);
    });
  }

  it('a Rekor entry with a SET but no inclusion proof gives a v0.1 bundle with a certificate chain, which verifies', async () => {
    env = await releaseEnv();
    await writeSignature(env.root, SBOM, env.fixture.sbomBytes, { inclusionProof: false });
    const r = await runCli(['verify-sbom', 'v1.25.4', ...env.flags, '-o', env.outDir]);
    expect(r.code, r.stderr).toBe(0);
    const { json, artifact, path } = await written('release');
    expect(json.mediaType).toBe(V01);
    expect(Object.keys(json.verificationMaterial)).toContain('x509CertificateChain');
    expect(json.verificationMaterial.tlogEntries[0]).not.toHaveProperty('inclusionProof');
    await expect(libraryVerifies(json, artifact)).resolves.toBeUndefined();
    await expect(libraryVerifies(flipSignatureByte(json), artifact)).rejects.toThrow();
    expect((await verifyBlob(join(env.outDir, 'release'), path)).code).toBe(0);
  });
});
