// The release files' signature step: the bytes it verifies must be the bytes whose digests were checked, and files
// verified one after another through its reused buffer each get their own verdict.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DetachedSignatureInput } from '../../src/verify/release-check.js';
import { createReleaseSignatureVerifier } from '../../src/verify/release-signature.js';
import { GOOGLE_ISSUER, K8S_BLOB_IDENTITY, signBlob, writeTrustedRoot } from '../helpers/pki/index.js';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('createReleaseSignatureVerifier', () => {
  let dir: string;
  let rootPath: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-relsig-'));
    rootPath = join(dir, 'trusted_root.json');
    await writeTrustedRoot(rootPath);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function input(name: string, bytes: Buffer): Promise<DetachedSignatureInput> {
    const signed = await signBlob(bytes);
    const path = join(dir, name);
    await writeFile(path, bytes);
    return {
      artifactPath: path,
      artifactSha256: sha256(bytes),
      signature: signed.signatureB64,
      certificate: signed.certificateB64,
      rekorEntry: JSON.stringify(signed.rekorEntry),
      identity: K8S_BLOB_IDENTITY,
      issuer: GOOGLE_ISSUER,
      trustedRootPath: rootPath,
      offline: true,
      sources: { artifact: name, signature: `${name}.sig`, certificate: `${name}.cert` },
    };
  }

  it('verifies files in turn (a large one, then a smaller one in the same buffer), each on its own bytes', async () => {
    const verify = createReleaseSignatureVerifier({ offline: true, warn: () => {} });
    const big = await input('big', Buffer.alloc(3 * 1024 * 1024, 'k'));
    const small = await input('small', Buffer.from('small release file'));
    const [a, b] = await Promise.all([verify(big), verify(small)]);
    expect(a).toMatchObject({ verified: true, signer: { identity: K8S_BLOB_IDENTITY } });
    expect(b).toMatchObject({ verified: true });
    // The small file's signature over the big file's bytes: the step checks what is on disk, not what was asked.
    expect(await verify({ ...small, artifactPath: big.artifactPath, artifactSha256: big.artifactSha256 })).toMatchObject({ verified: false });
  });

  it('fails ARTIFACT_CHANGED when the file on disk is not the one whose digests were checked', async () => {
    const verify = createReleaseSignatureVerifier({ offline: true, warn: () => {} });
    const one = await input('changed', Buffer.from('release file as downloaded'));
    await writeFile(one.artifactPath, 'release file changed afterwards');
    const report = await verify(one);
    expect(report.verified).toBe(false);
    expect(report.checks).toEqual([{ check: 'input', status: 'fail', code: 'ARTIFACT_CHANGED', message: 'changed: changed on disk during verification' }]);
  });
});
