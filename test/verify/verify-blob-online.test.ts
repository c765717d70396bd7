// The online path: verify-blob finds the Rekor entry through a loopback Rekor API server.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeOutputFile } from '../../src/common/output-file.js';
import { readLimited } from '../../src/common/read-limited.js';
import { createRekorClient } from '../../src/sigstore/rekor-client.js';
import { streamFileForSignature } from '../../src/verify/streamed-file.js';
import { verifyBlob, type VerifyBlobRequest } from '../../src/verify/verify-blob.js';
import { getTestPki, signBlob, GOOGLE_ISSUER, K8S_BLOB_IDENTITY, type SignedBlob } from '../helpers/pki/index.js';
import { startFakeRekor, type FakeRekor } from '../helpers/rekor-server.js';

const artifact = Buffer.from('a release artifact\n');
let dir: string;
let rekor: FakeRekor;
let signed: SignedBlob;
const warnings: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kube-sbom-verify-blob-'));
  signed = await signBlob(artifact);
  await writeFile(join(dir, 'artifact'), artifact);
  await writeFile(join(dir, 'artifact.sig'), signed.signatureB64);
  await writeFile(join(dir, 'artifact.cert'), signed.certificateB64);
  await writeFile(join(dir, 'trusted_root.json'), (await getTestPki()).trustedRootText);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await rekor?.close();
  rekor = await startFakeRekor();
  warnings.length = 0;
});
afterAll(async () => rekor?.close());

function request(extra: Partial<VerifyBlobRequest> = {}): VerifyBlobRequest {
  return {
    artifactPath: join(dir, 'artifact'),
    signaturePath: join(dir, 'artifact.sig'),
    certificatePath: join(dir, 'artifact.cert'),
    trustedRootPath: join(dir, 'trusted_root.json'),
    maxArtifactBytes: 2 ** 31,
    offline: false,
    policy: { identity: K8S_BLOB_IDENTITY, issuer: GOOGLE_ISSUER },
    ...extra,
  };
}

const deps = (timeoutMs = 2000) => ({
  readFile: readLimited,
  streamFile: streamFileForSignature,
  writeOutputFile,
  rekor: createRekorClient({ baseUrl: rekor.url, timeoutMs }),
  warn: (m: string) => warnings.push(m),
});

const failures = (r: { checks: Array<{ status: string; check: string; code: string }> }) =>
  r.checks.filter((c) => c.status === 'fail').map((c) => `${c.check}:${c.code}`);

describe('verify-blob online (Rekor API)', () => {
  it('finds the entry by the artifact hash, verifies, and saves it for offline use', async () => {
    rekor.add(signed.rekorEntry);
    const saved = join(dir, 'saved.rekor.json');
    const result = await verifyBlob(request({ saveRekorEntryPath: saved }), deps());
    expect(failures(result)).toEqual([]);
    expect(rekor.requests).toEqual(['POST /api/v1/index/retrieve', `GET /api/v1/log/entries/${signed.rekorUuid}`]);
    expect(result.savedRekorEntry).toBe(saved);
    const offline = await verifyBlob(request({ rekorEntryPath: saved, offline: true }), deps());
    expect(failures(offline)).toEqual([]);
    expect(rekor.requests).toHaveLength(2); // offline: no more requests
  });

  it('not found: TLOG_ENTRY_MISSING naming the digest, nothing saved', async () => {
    const saved = join(dir, 'never.json');
    const result = await verifyBlob(request({ saveRekorEntryPath: saved }), deps());
    expect(failures(result)).toContain('transparency-log:TLOG_ENTRY_MISSING');
    expect(result.checks.find((c) => c.check === 'transparency-log')?.message).toContain(`sha256:${signed.artifactDigestHex}`);
    await expect(readFile(saved)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(warnings.join()).toContain('no Rekor entry to save');
  });

  it('a 5xx: could not run (REKOR_HTTP_ERROR, io)', async () => {
    rekor.fault = 'http-500';
    await expect(verifyBlob(request(), deps())).rejects.toMatchObject({ code: 'REKOR_HTTP_ERROR', kind: 'io' });
  });

  it('a timeout: could not run (REKOR_TIMEOUT, io)', async () => {
    rekor.fault = 'hang';
    await expect(verifyBlob(request(), deps(300))).rejects.toMatchObject({ code: 'REKOR_TIMEOUT', kind: 'io' });
  });

  it('an answer that is not JSON: REKOR_BAD_RESPONSE', async () => {
    rekor.fault = 'not-json';
    await expect(verifyBlob(request(), deps())).rejects.toMatchObject({ code: 'REKOR_BAD_RESPONSE' });
  });

  it('unreachable Rekor: REKOR_UNREACHABLE', async () => {
    const url = rekor.url;
    await rekor.close();
    const result = verifyBlob(request(), { ...deps(), rekor: createRekorClient({ baseUrl: url, timeoutMs: 2000 }) });
    await expect(result).rejects.toMatchObject({ code: 'REKOR_UNREACHABLE', kind: 'io' });
  });

  it('an entry that does not match the artifact: TLOG_BODY_MISMATCH', async () => {
    const other = await signBlob(Buffer.from('another artifact'));
    rekor.add(other.rekorEntry, `sha256:${signed.artifactDigestHex}`); // the index lies
    const result = await verifyBlob(request(), deps());
    expect(result.verified).toBe(false);
    expect(failures(result)).toContain('transparency-log:TLOG_BODY_MISMATCH');
  });

  it('--offline never asks Rekor', async () => {
    rekor.add(signed.rekorEntry);
    const result = await verifyBlob(request({ offline: true }), deps());
    expect(failures(result)).toContain('transparency-log:TLOG_ENTRY_MISSING');
    expect(rekor.requests).toEqual([]);
  });
});
