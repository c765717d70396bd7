// Verifying a 226 KB blob (the real v1.25.4 release SBOM, signed by the test PKI) with a saved Rekor entry:
// in-process (target < 20 ms) and as a whole `kube-sbom verify-blob` process (target < 400 ms).
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { writeOutputFile } from '../../src/common/output-file.js';
import { readLimited } from '../../src/common/read-limited.js';
import { parseTrustedRoot } from '../../src/sigstore/trusted-root.js';
import { verifyArtifactSignature } from '../../src/sigstore/verify-artifact.js';
import { streamFileForSignature } from '../../src/verify/streamed-file.js';
import { verifyBlob } from '../../src/verify/verify-blob.js';
import { getTestPki, signBlob, GOOGLE_ISSUER, K8S_BLOB_IDENTITY } from '../helpers/pki/index.js';
import { measure, type BenchRow, type BenchSuite } from './harness.js';

const run = promisify(execFile);
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const cli = join(projectRoot, 'dist', 'bundle', 'kube-sbom.mjs');
const SBOM = resolve(projectRoot, '..', 'shared', 'realdata', 'k8s', 'release-sbom', 'kubernetes-v1.25.4-release.spdx');

const suite: BenchSuite = {
  title: 'verify-blob (Sigstore, saved Rekor entry, offline)',
  async run() {
    const real = existsSync(SBOM);
    const artifact = real ? await readFile(SBOM) : randomBytes(225_649);
    const what = real ? 'kubernetes-v1.25.4-release.spdx (226 KB)' : '226 KB random bytes (../shared absent)';
    const dir = await mkdtemp(join(tmpdir(), 'kube-sbom-bench-sigstore-'));
    try {
      const pki = await getTestPki();
      const signed = await signBlob(artifact);
      const files = {
        artifact: join(dir, 'release.spdx'),
        sig: join(dir, 'release.spdx.sig'),
        cert: join(dir, 'release.spdx.cert'),
        rekor: join(dir, 'release.rekor.json'),
        root: join(dir, 'trusted_root.json'),
      };
      await Promise.all([
        writeFile(files.artifact, artifact),
        writeFile(files.sig, signed.signatureB64),
        writeFile(files.cert, signed.certificateB64),
        writeFile(files.rekor, JSON.stringify(signed.rekorEntry)),
        writeFile(files.root, pki.trustedRootText),
      ]);
      const policy = { identity: K8S_BLOB_IDENTITY, issuer: GOOGLE_ISSUER };
      const trustedRoot = parseTrustedRoot(pki.trustedRootText, 'bench');
      const material = {
        kind: 'detached' as const,
        signature: signed.signatureB64,
        certificate: signed.certificateB64,
        rekorEntry: JSON.stringify(signed.rekorEntry),
      };

      const ensure = (verified: boolean) => {
        if (!verified) throw new Error('verification unexpectedly failed: the figures would be meaningless');
      };
      const core = await measure(async () => ensure((await verifyArtifactSignature({ artifact, material, trustedRoot, policy, offline: true })).verified), {
        runs: 25,
        warmup: 5,
      });
      const useCase = await measure(
        async () =>
          ensure(
            (
              await verifyBlob(
                {
                  artifactPath: files.artifact,
                  signaturePath: files.sig,
                  certificatePath: files.cert,
                  rekorEntryPath: files.rekor,
                  trustedRootPath: files.root,
                  maxArtifactBytes: 2 ** 31,
                  offline: true,
                  policy,
                },
                { readFile: readLimited, streamFile: streamFileForSignature, writeOutputFile, warn: () => undefined },
              )
            ).verified,
          ),
        { runs: 25, warmup: 5 },
      );
      const hashOnly = await measure(() => createHash('sha256').update(artifact).digest(), { runs: 25, warmup: 5 });
      const args = [
        cli,
        'verify-blob',
        files.artifact,
        '--signature',
        files.sig,
        '--certificate',
        files.cert,
        '--rekor-entry',
        files.rekor,
        '--trusted-root',
        files.root,
        '--certificate-identity',
        K8S_BLOB_IDENTITY,
        '--certificate-oidc-issuer',
        GOOGLE_ISSUER,
        '--offline',
      ];
      const whole = await measure(
        async () => {
          const { stdout } = await run(process.execPath, args);
          if (stdout !== 'Verified OK\n') throw new Error(`unexpected output: ${stdout}`);
        },
        { runs: 9, warmup: 2 },
      );
      const nodeVersion = await measure(() => run(process.execPath, ['-e', '0']), { runs: 9, warmup: 2 });
      const cliVersion = await measure(() => run(process.execPath, [cli, '--version']), { runs: 9, warmup: 2 });
      return [
        {
          case: `in-process verifyArtifactSignature, ${what}`,
          medianMs: core.medianMs,
          runs: core.runs,
          target: '< 20 ms',
          note: `${(core.medianMs / hashOnly.medianMs).toFixed(1)}x a bare sha256 of the file (${hashOnly.medianMs.toFixed(2)} ms)`,
        },
        { case: 'in-process verifyBlob use case (reads the 5 files)', medianMs: useCase.medianMs, runs: useCase.runs, target: '< 20 ms' },
        {
          case: 'whole process: kube-sbom verify-blob --offline',
          medianMs: whole.medianMs,
          runs: whole.runs,
          target: '< 400 ms',
          note: `node -e 0: ${nodeVersion.medianMs.toFixed(0)} ms; kube-sbom --version: ${cliVersion.medianMs.toFixed(0)} ms`,
        },
      ] satisfies BenchRow[];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

export default suite;
