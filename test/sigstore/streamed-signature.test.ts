// Signatures checked over bytes that streamed past (large release files) must reach exactly the verdicts the same
// checks reach over the bytes in memory, and fail closed wherever a stream cannot stand in for the bytes.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VerificationReport } from '../../src/sigstore/report.js';
import { StreamedSignatureCheck, type StreamedArtifact } from '../../src/sigstore/streamed-signature.js';
import { resolveTrustedRoot } from '../../src/sigstore/trust-source.js';
import { parseTrustedRoot } from '../../src/sigstore/trusted-root.js';
import { verifyArtifactSignature, type VerifyArtifactInput } from '../../src/sigstore/verify-artifact.js';
import { realdata, realdataMissing } from '../helpers/cli.js';
import { GOOGLE_ISSUER, K8S_BLOB_IDENTITY, getTestPki, signBlob } from '../helpers/pki/index.js';
import { seededKeyPair } from '../helpers/pki/keys.js';
import { DEFAULT_IDENTITY, DEFAULT_ISSUER } from '../helpers/conformance-signer.js';

/** What a download leaves for `bytes`: their SHA-256 and a signature check fed in 64 KiB chunks. */
function streamed(bytes: Uint8Array, sha256 = createHash('sha256').update(bytes).digest()): StreamedArtifact {
  const signature = new StreamedSignatureCheck();
  for (let offset = 0; offset < bytes.byteLength; offset += 65536) signature.update(bytes.subarray(offset, offset + 65536));
  return { kind: 'streamed', sha256, signature };
}

const outcome = (report: VerificationReport) => ({
  verified: report.verified,
  failed: report.checks.filter((c) => c.status === 'fail').map((c) => `${c.check}:${c.code}`),
});

describe('a signature over streamed bytes (test PKI)', () => {
  const artifact = Buffer.alloc(300_000, 'kubelet ');
  const policy = { identity: K8S_BLOB_IDENTITY, issuer: GOOGLE_ISSUER };

  async function verify(over: Uint8Array | StreamedArtifact, signedBytes: Uint8Array = artifact) {
    const s = await signBlob(signedBytes);
    const pki = await getTestPki();
    const input: VerifyArtifactInput = {
      artifact: over,
      material: { kind: 'detached', signature: s.signatureB64, certificate: s.certificateB64, rekorEntry: JSON.stringify(s.rekorEntry) },
      trustedRoot: parseTrustedRoot(pki.trustedRootText, 'test trusted root'),
      policy,
      offline: true,
    };
    return verifyArtifactSignature(input);
  }

  it('passes every check, as over the same bytes in memory', async () => {
    const report = await verify(streamed(artifact));
    expect(outcome(report)).toEqual({ verified: true, failed: [] });
    expect(report.checks.map((c) => c.check)).toEqual((await verify(artifact)).checks.map((c) => c.check));
    expect(report.artifactSha256).toBe(createHash('sha256').update(artifact).digest('hex'));
  });

  it('fails the signature when the stream saw other bytes than its digest says', async () => {
    const other = Buffer.from(artifact);
    other.writeUInt8(0, 150_000);
    // The digest is the signed one, the streamed bytes are not: only the signature can notice, and must.
    const report = await verify({ ...streamed(other), sha256: createHash('sha256').update(artifact).digest() });
    expect(outcome(report)).toEqual({ verified: false, failed: ['signature:SIGNATURE_INVALID'] });
  });

  it('fails the digest when the stream is of other bytes than the signed ones', async () => {
    const report = await verify(streamed(Buffer.from('another release file')));
    expect(report.verified).toBe(false);
    expect(outcome(report).failed).toContain('artifact-digest:ARTIFACT_DIGEST_MISMATCH');
  });
});

describe('StreamedSignatureCheck', () => {
  it('answers once over its bytes; later it repeats that answer only for the same key and signature', async () => {
    const bytes = Buffer.from('release file');
    const s = await signBlob(bytes);
    const key = (await import('node:crypto')).createPublicKey(s.certificatePem);
    const check = streamed(bytes).signature;
    expect(check.verify(key, s.signature)).toBe(true);
    expect(check.verify(key, s.signature)).toBe(true);
    const otherKey = (await seededKeyPair('streamed/other', 'P-256')).publicKey;
    expect(check.verify(otherKey, s.signature)).toBe(false);
    expect(check.verify(key, Buffer.concat([s.signature, Buffer.from([0])]))).toBe(false);
    expect(() => check.update(Buffer.from('more'))).toThrow(/already finished/);
  });

  it('says no to a malformed signature rather than throwing', async () => {
    const s = await signBlob(Buffer.from('x'));
    const key = (await import('node:crypto')).createPublicKey(s.certificatePem);
    expect(streamed(Buffer.from('x')).signature.verify(key, Buffer.from('not DER'))).toBe(false);
  });
});

describe.skipIf(realdataMissing)('the Sigstore conformance suite, streamed', () => {
  const suite = realdata('sigstore', 'sigstore-conformance', 'bundle-verify');
  const cases = realdataMissing ? [] : readdirSync(suite, { withFileTypes: true }).filter((d) => d.isDirectory());

  it('reaches the in-memory verdict in every message-signature case, and never passes a DSSE one', async () => {
    let compared = 0;
    for (const { name } of cases) {
      const dir = join(suite, name);
      const read = (file: string) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8').trim() : undefined);
      const bundle = read('bundle.sigstore.json');
      if (bundle === undefined) continue;
      const bytes = readFileSync(existsSync(join(dir, 'artifact')) ? join(dir, 'artifact') : join(suite, 'a.txt'));
      const rootText = read('trusted_root.json');
      // A case whose trusted root cannot be read fails before any bytes are looked at, streamed or not.
      const trustedRoot = await resolveTrustedRoot({
        trustedRootFile: rootText ? { path: 'trusted_root.json', text: rootText } : undefined,
        offline: true,
        warn: () => {},
      }).catch(() => undefined);
      if (!trustedRoot) continue;
      const key = read('key.pub');
      const input: Omit<VerifyArtifactInput, 'artifact'> = {
        material: { kind: 'bundle', bundle, publicKeyPem: key },
        trustedRoot,
        policy: key ? {} : { identity: read('identity') ?? DEFAULT_IDENTITY, issuer: read('issuer') ?? DEFAULT_ISSUER },
        offline: true,
      };
      const inMemory = outcome(await verifyArtifactSignature({ ...input, artifact: bytes }));
      const overStream = outcome(await verifyArtifactSignature({ ...input, artifact: streamed(bytes) }));
      if (bundle.includes('"dsseEnvelope"')) {
        expect(overStream.verified, name).toBe(false);
        continue;
      }
      expect(overStream, name).toEqual(inMemory);
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });
});
