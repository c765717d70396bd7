// The release files' signature step, on the calling thread and on the signature thread the program starts (the built
// bundle as a worker): the bytes it verifies must be the bytes whose digests were checked, files verified one after
// another through its reused buffer each get their own verdict, and a thread that dies fails its checks.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerWorkerEntry } from '../../src/common/worker-entry.js';
import type { DetachedSignatureInput } from '../../src/verify/release-check.js';
import { createReleaseSignatureVerifier } from '../../src/verify/release-signature.js';
import { GOOGLE_ISSUER, K8S_BLOB_IDENTITY, signBlob, writeTrustedRoot } from '../helpers/pki/index.js';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const BUNDLE = pathToFileURL(join(import.meta.dirname, '..', '..', 'dist', 'bundle', 'kube-sbom.mjs')).href;

const MIB = 1024 * 1024;

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

// Only artifacts of 1 MiB and more go to the thread: there, every file is padded to that size.
describe.each([
  ['on the calling thread', undefined, 0],
  ['on the signature thread', BUNDLE, MIB],
])('createReleaseSignatureVerifier %s', (_where, entry, padding) => {
  const sized = (content: Buffer) => Buffer.concat([Buffer.alloc(padding, 'p'), content]);
  let dir: string;
  let rootPath: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-relsig-'));
    rootPath = join(dir, 'trusted_root.json');
    await writeTrustedRoot(rootPath);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  beforeAll(() => registerWorkerEntry(entry));
  afterAll(() => registerWorkerEntry(undefined));

  const input = (name: string, content: Buffer) => signedInput(dir, rootPath, name, sized(content));

  it('verifies files in turn (a large one, then a smaller one in the same buffer), each on its own bytes', async () => {
    const verify = createReleaseSignatureVerifier({ offline: true, warn: () => {}, thread: true });
    const big = await input('big', Buffer.alloc(3 * 1024 * 1024, 'k'));
    const small = await input('small', Buffer.from('small release file'));
    const [a, b] = await Promise.all([verify(big), verify(small)]);
    expect(a).toMatchObject({ verified: true, signer: { identity: K8S_BLOB_IDENTITY } });
    expect(b).toMatchObject({ verified: true });
    // The small file's signature over the big file's bytes: the step checks what is on disk, not what was asked.
    expect(await verify({ ...small, artifactPath: big.artifactPath, artifactSha256: big.artifactSha256 })).toMatchObject({ verified: false });
  });

  it('fails ARTIFACT_CHANGED when the file on disk is not the one whose digests were checked', async () => {
    const verify = createReleaseSignatureVerifier({ offline: true, warn: () => {}, thread: true });
    const one = await input('changed', Buffer.from('release file as downloaded'));
    await writeFile(one.artifactPath, sized(Buffer.from('release file changed afterwards')));
    const report = await verify(one);
    expect(report.verified).toBe(false);
    expect(report.checks).toEqual([{ check: 'input', status: 'fail', code: 'ARTIFACT_CHANGED', message: 'changed: changed on disk during verification' }]);
  });
});

describe('the signature thread', () => {
  afterEach(() => registerWorkerEntry(undefined));

  it('fails the checks it held when it dies, and never reports them verified; small files never reach it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kube-sbom-relsig-dies-'));
    try {
      // A thread that exits at once, as one killed mid-check would.
      const dying = join(dir, 'dying.mjs');
      await writeFile(dying, 'process.exit(3);\n');
      registerWorkerEntry(pathToFileURL(dying).href);
      const rootPath = join(dir, 'trusted_root.json');
      await writeTrustedRoot(rootPath);
      const verify = createReleaseSignatureVerifier({ offline: true, warn: () => {}, thread: true });
      const check = async (name: string, bytes: Buffer) => verify(await signedInput(dir, rootPath, name, bytes));
      await expect(check('large', Buffer.alloc(2 * MIB, 'l'))).rejects.toMatchObject({ code: 'SIGNATURE_THREAD_FAILED', kind: 'io' });
      expect(await check('small', Buffer.from('small release file'))).toMatchObject({ verified: true });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
