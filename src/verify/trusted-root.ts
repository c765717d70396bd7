// Which Sigstore trusted root a verification uses: --trusted-root FILE, else TUF online, else the shipped root.
// Every caller (release SBOM, images, both front ends) goes through here so a fallback is always reported.
import { readLimitedText } from '../common/read-limited.js';
import { resolveTrustedRoot, sigstoreTufFetcher } from '../sigstore/trust-source.js';
import type { LoadedTrustedRoot } from '../sigstore/trusted-root.js';

export interface TrustedRootChoice {
  /** A trusted_root.json given by the user. */
  path?: string;
  offline: boolean;
  cacheDir?: string;
  /** Told when the root is not the one asked for (e.g. TUF unreachable, the shipped root used instead). */
  warn: (message: string) => void;
}

/** The public-good trusted_root.json is about 10 KB. */
const TRUSTED_ROOT_LIMIT = { maxBytes: 16 * 1024 * 1024, hint: 'no trusted_root.json is that large' };

export async function chooseTrustedRoot(choice: TrustedRootChoice): Promise<LoadedTrustedRoot> {
  let trustedRootFile: { path: string; text: string } | undefined;
  if (choice.path) {
    trustedRootFile = { path: choice.path, text: await readLimitedText(choice.path, TRUSTED_ROOT_LIMIT) };
  }
  return resolveTrustedRoot({
    ...(trustedRootFile ? { trustedRootFile } : {}),
    offline: choice.offline,
    tuf: sigstoreTufFetcher(choice.cacheDir ? { cacheDir: choice.cacheDir } : {}),
    warn: choice.warn,
  });
}
