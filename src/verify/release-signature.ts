// Adapter from the release use cases to the Sigstore verifier (src/sigstore): loads the trusted root once and checks
// a detached .sig/.cert with its Rekor entry like `cosign verify-blob`.
import type { LoadedTrustedRoot } from '../sigstore/trusted-root.js';
import { reusableReader } from './artifact-reader.js';
import { checkDetachedSignature } from './detached-signature-check.js';
import type { SignatureReport, VerifyDetachedSignature } from './release-check.js';
import { SignatureThread } from './signature-thread.js';
import { chooseTrustedRoot } from './trusted-root.js';

export interface ReleaseSignatureOptions {
  offline: boolean;
  cacheDir?: string;
  warn: (message: string) => void;
}

export function createReleaseSignatureVerifier(options: ReleaseSignatureOptions): VerifyDetachedSignature {
  const roots = new Map<string, Promise<LoadedTrustedRoot>>();
  // Checked on a second thread where the program can start one; else here, one artifact at a time.
  const thread = SignatureThread.create();
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
    if (thread) return thread.check(input, root);
    // One artifact's bytes in memory at a time: files checked at once would otherwise hold one copy each.
    // The buffer is reused by the next artifact: nothing below may keep it past this task.
    return oneAtATime(async () => checkDetachedSignature(input, await readArtifact(input.artifactPath), root));
  };
}

/** Runs the given tasks one after another, in call order, whatever each one's outcome. */
function serialized(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
