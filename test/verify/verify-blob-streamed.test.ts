// verify-blob holds an artifact in memory only when it must (a DSSE envelope's subject): a signature over the
// artifact's digest is checked as the file streams past, so a file of any size needs no more memory than a chunk.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOutputFile } from '../../src/common/output-file.js';
import { readLimited, type ReadLimit } from '../../src/common/read-limited.js';
import { streamFileForSignature } from '../../src/verify/streamed-file.js';
import { verifyBlob, type VerifyBlobDeps, type VerifyBlobRequest } from '../../src/verify/verify-blob.js';
import { realdata, realdataMissing } from '../helpers/cli.js';
import { DEFAULT_IDENTITY, DEFAULT_ISSUER } from '../helpers/conformance-signer.js';
import { getTestPki, GOOGLE_ISSUER, K8S_BLOB_IDENTITY, signBlob } from '../helpers/pki/index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kube-sbom-blob-stream-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Deps that record which way each file was read. */
function recordingDeps() {
  const read: string[] = [];
  const streamed: string[] = [];
  const deps: VerifyBlobDeps = {
    readFile: (path: string, limit: ReadLimit) => (read.push(path), readLimited(path, limit)),
    streamFile: (path: string, limit: ReadLimit) => (streamed.push(path), streamFileForSignature(path, limit)),
    writeOutputFile,
    warn: () => undefined,
  };
  return { deps, read, streamed };
}

async function signedFiles(name: string, bytes: Buffer) {
  const signed = await signBlob(bytes);
  const paths = { artifact: join(dir, name), sig: join(dir, `${name}.sig`), cert: join(dir, `${name}.cert`), entry: join(dir, `${name}.rekor.json`) };
  await writeFile(paths.artifact, bytes);
  await writeFile(paths.sig, signed.signatureB64);
  await writeFile(paths.cert, signed.certificateB64);
  await writeFile(paths.entry, JSON.stringify(signed.rekorEntry));
  const root = join(dir, 'trusted_root.json');
  await writeFile(root, (await getTestPki()).trustedRootText);
  const request: VerifyBlobRequest = {
    artifactPath: paths.artifact,
    signaturePath: paths.sig,
    certificatePath: paths.cert,
    rekorEntryPath: paths.entry,
    trustedRootPath: root,
    maxArtifactBytes: 64 * 1024 * 1024,
    offline: true,
    policy: { identity: K8S_BLOB_IDENTITY, issuer: GOOGLE_ISSUER },
  };
  return { paths, request };
}

describe('verify-blob', () => {
  it('streams an artifact signed over its digest instead of reading it whole, and reports its digest and size', async () => {
    const bytes = Buffer.alloc(5 * 1024 * 1024 + 17, 'kubectl ');
    const { paths, request } = await signedFiles('kubectl', bytes);
    const { deps, read, streamed } = recordingDeps();
    const result = await verifyBlob(request, deps);
    expect(result.verified).toBe(true);
    expect(result.artifact).toMatchObject({ path: paths.artifact, size: bytes.length });
    expect(streamed).toEqual([paths.artifact]);
    expect(read).not.toContain(paths.artifact);
  });

  it('fails a streamed artifact changed after signing, on its digest', async () => {
    const { paths, request } = await signedFiles('changed', Buffer.from('signed bytes'));
    await writeFile(paths.artifact, 'other bytes');
    const result = await verifyBlob(request, recordingDeps().deps);
    expect(result.verified).toBe(false);
    expect(result.checks.find((c) => c.check === 'artifact-digest')).toMatchObject({ status: 'fail', code: 'ARTIFACT_DIGEST_MISMATCH' });
  });

  it('still refuses an artifact over --max-size (exit 3), streamed or not', async () => {
    const { request } = await signedFiles('large', Buffer.alloc(2048, 'x'));
    await expect(verifyBlob({ ...request, maxArtifactBytes: 1024 }, recordingDeps().deps)).rejects.toMatchObject({ code: 'INPUT_TOO_LARGE', kind: 'io' });
  });

  it.skipIf(realdataMissing)('reads an artifact whole when a DSSE envelope must be compared with it', async () => {
    const suite = realdata('sigstore', 'sigstore-conformance', 'bundle-verify');
    const artifactPath = join(suite, 'a.txt');
    const { deps, read, streamed } = recordingDeps();
    const result = await verifyBlob(
      {
        artifactPath,
        bundlePath: join(suite, 'happy-path-intoto-in-dsse-v3', 'bundle.sigstore.json'),
        maxArtifactBytes: 1024 * 1024,
        offline: true,
        policy: { identity: DEFAULT_IDENTITY, issuer: DEFAULT_ISSUER },
      },
      deps,
    );
    expect(result.verified).toBe(true);
    expect(read).toContain(artifactPath);
    expect(streamed).toEqual([]);
  });
});
