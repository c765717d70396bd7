// Adapter from the release use cases to the Sigstore verifier (src/sigstore): loads the trusted root once and checks
// a detached .sig/.cert with its Rekor entry like `cosign verify-blob`.
import { stat } from 'node:fs/promises';
import type { LoadedTrustedRoot } from '../sigstore/trusted-root.js';
import { reusableReader } from './artifact-reader.js';
import { serialized } from '../common/serialized.js';
import { checkDetachedSignature } from './detached-signature-check.js';
import type { SignatureReport, VerifyDetachedSignature } from './release-check.js';
import { SignatureThread } from './signature-thread.js';
import { chooseTrustedRoot } from './trusted-root.js';

export interface ReleaseSignatureOptions {
  offline: boolean;
  cacheDir?: string;
  warn: (message: string) => void;
  /**
   * Check large artifacts on a second thread, for use cases that download and hash further files meanwhile
   * (verify-release, verify-files, the UI); one SBOM or binary alone gains nothing from a thread it must start first.
   */
  thread?: boolean;
}

/** Smaller artifacts are checked in a few milliseconds: less than handing them to the thread costs, let alone starting it. */
const THREAD_MIN_BYTES = 1024 * 1024;

export function createReleaseSignatureVerifier(options: ReleaseSignatureOptions): VerifyDetachedSignature {
  const roots = new Map<string, Promise<LoadedTrustedRoot>>();
  // Checked on a second thread where asked and the program can start one; else here, one artifact at a time.
  const thread = options.thread ? SignatureThread.create() : undefined;
  const oneAtATime = serialized();
  const readArtifact = reusableReader();
  const trustedRoot = (path?: string) => {
    const key = path ?? '';
    let pending = roots.get(key);
    if (!pending) {
      pending = chooseTrustedRoot({
        ...(path ? { path } : {}),
        offline: options.offline,
        ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
        warn: options.warn,
      });
      roots.set(key, pending);
    }
    return pending;
  };
  return async (input): Promise<SignatureReport> => {
    const root = await trustedRoot(input.trustedRootPath);
    if (thread && (await sizeOf(input.artifactPath)) >= THREAD_MIN_BYTES) return thread.check(input, root);
    // One artifact's bytes in memory at a time: files checked at once would otherwise hold one copy each.
    // The buffer is reused by the next artifact: nothing below may keep it past this task.
    return oneAtATime(async () => checkDetachedSignature(input, await readArtifact(input.artifactPath), root));
  };
}

/** The file's size, or 0 when it cannot be read (the check itself then reports why). */
async function sizeOf(path: string): Promise<number> {
  return (await stat(path).catch(() => undefined))?.size ?? 0;
}
