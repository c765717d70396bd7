// Adapter from the release use cases to the Sigstore verifier (src/sigstore): loads the trusted root once and checks
// a detached .sig/.cert with its Rekor entry like `cosign verify-blob`, over bytes streamed once, never held whole.
import type { LoadedTrustedRoot } from '../sigstore/trusted-root.js';
import { checkDetachedSignature } from './detached-signature-check.js';
import type { SignatureReport, VerifyDetachedSignature } from './release-check.js';
import { streamFileForSignature } from './streamed-file.js';
import { chooseTrustedRoot } from './trusted-root.js';

export interface ReleaseSignatureOptions {
  offline: boolean;
  cacheDir?: string;
  warn: (message: string) => void;
}

export function createReleaseSignatureVerifier(options: ReleaseSignatureOptions): VerifyDetachedSignature {
  const roots = new Map<string, Promise<LoadedTrustedRoot>>();
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
    // A download fed its signature check as it came in; a file that was not downloaded (verify-files) is read again.
    const artifact = input.streamed
      ? ({ kind: 'streamed', sha256: Buffer.from(input.artifactSha256, 'hex'), signature: input.streamed } as const)
      : await streamFileForSignature(input.artifactPath);
    return checkDetachedSignature(input, artifact, root);
  };
}
