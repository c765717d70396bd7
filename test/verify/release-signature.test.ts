// The release files' signature step: over a download's bytes as they streamed past, or over a file read again from
// disk; either way, the bytes it verifies must be the bytes whose digests were checked.
import { createHash, createPublicKey } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fetcher } from '../../src/fetch/fetcher.js';
import { StreamedSignatureCheck } from '../../src/sigstore/streamed-signature.js';
import type { DetachedSignatureInput } from '../../src/verify/release-check.js';
import { createReleaseSignatureVerifier } from '../../src/verify/release-signature.js';
import { fetchAndCheckSignedArtifact } from '../../src/verify/signed-artifact.js';
import { GOOGLE_ISSUER, K8S_BLOB_IDENTITY, signBlob, writeTrustedRoot } from '../helpers/pki/index.js';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Writes `bytes` as DIR/NAME, signs them with the test PKI, and returns what the release step is given for them. */
async function signedInput(dir: string, rootPath: string, name: string, bytes: Buffer): Promise<DetachedSignatureInput> {
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

describe('createReleaseSignatureVerifier', () => {
  let dir: string;
  let rootPath: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-relsig-'));
    rootPath = join(dir, 'trusted_root.json');
    await writeTrustedRoot(rootPath);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const input = (name: string, content: Buffer) => signedInput(dir, rootPath, name, content);
  /** A signature check fed `bytes` as a download would feed it, chunk by chunk. */
  const streamedOver = (bytes: Buffer) => {
    const streamed = new StreamedSignatureCheck();
    for (let offset = 0; offset < bytes.length; offset += 64 * 1024) streamed.update(bytes.subarray(offset, offset + 64 * 1024));
    return streamed;
  };

  it('reads a file that was not downloaded from disk, each on its own bytes', async () => {
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
    await writeFile(one.artifactPath, Buffer.from('release file changed afterwards'));
    const report = await verify(one);
    expect(report.verified).toBe(false);
    expect(report.checks).toEqual([{ check: 'input', status: 'fail', code: 'ARTIFACT_CHANGED', message: 'changed: changed on disk during verification' }]);
  });

  it('checks a download over the bytes its stream was fed, never reading the file again', async () => {
    const verify = createReleaseSignatureVerifier({ offline: true, warn: () => {} });
    const bytes = Buffer.alloc(3 * 1024 * 1024, 'd');
    const downloaded = await input('downloaded', bytes);
    // The file is gone from disk: only the stream's record of it can answer.
    await rm(downloaded.artifactPath);
    expect(await verify({ ...downloaded, streamed: streamedOver(bytes) })).toMatchObject({ verified: true });
  });

  it('fails the signature when the stream saw other bytes than the signed ones', async () => {
    const verify = createReleaseSignatureVerifier({ offline: true, warn: () => {} });
    const bytes = Buffer.alloc(2 * 1024 * 1024, 'e');
    const downloaded = await input('tampered', bytes);
    const tampered = Buffer.from(bytes);
    tampered.writeUInt8(tampered.readUInt8(1_000_000) ^ 1, 1_000_000);
    const report = await verify({ ...downloaded, streamed: streamedOver(tampered) });
    expect(report.verified).toBe(false);
    expect(report.checks).toContainEqual(expect.objectContaining({ check: 'signature', status: 'fail', code: 'SIGNATURE_INVALID' }));
  });
});

describe('fetchAndCheckSignedArtifact', () => {
  it("hands the signature step the download's own stream, fed with exactly the downloaded bytes", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kube-sbom-relsig-stream-'));
    const fetcher = new Fetcher();
    try {
      const bytes = Buffer.alloc(3 * 1024 * 1024 + 5, 'kube-proxy ');
      const signed = await signBlob(bytes);
      const published = join(dir, 'published');
      await mkdir(published);
      const file = (name: string, content: string | Buffer) => writeFile(join(published, name), content);
      await file('kube-proxy', bytes);
      await file('kube-proxy.sha256', sha256(bytes));
      await file('kube-proxy.sha512', createHash('sha512').update(bytes).digest('hex'));
      await file('kube-proxy.sig', signed.signatureB64);
      await file('kube-proxy.cert', signed.certificateB64);
      await file('entry.json', JSON.stringify(signed.rekorEntry));
      const url = (name: string) => pathToFileURL(join(published, name)).href;
      const seen: DetachedSignatureInput[] = [];
      await fetchAndCheckSignedArtifact({
        urls: {
          artifact: url('kube-proxy'),
          sha256: url('kube-proxy.sha256'),
          sha512: url('kube-proxy.sha512'),
          sig: url('kube-proxy.sig'),
          cert: url('kube-proxy.cert'),
        },
        fileName: 'kube-proxy',
        subject: 'bin/linux/amd64/kube-proxy',
        maxBytes: 64 * 1024 * 1024,
        fetcher,
        dir,
        policy: {
          rekorUrl: 'https://rekor.invalid',
          rekorEntryFile: join(published, 'entry.json'),
          verify: async (input) => (seen.push(input), { verified: false, checks: [] }),
        },
      });
      expect(seen).toHaveLength(1);
      const streamed = seen[0]!.streamed;
      expect(streamed).toBeInstanceOf(StreamedSignatureCheck);
      expect(seen[0]!.artifactSha256).toBe(sha256(bytes));
      // Fed every downloaded byte and nothing else: the release signature verifies over it.
      expect(streamed!.verify(createPublicKey(signed.certificatePem), signed.signature)).toBe(true);
    } finally {
      await fetcher.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
