// Which Sigstore trusted root a verification uses: --trusted-root FILE, else TUF online, else the shipped root.
// Every caller (release SBOM, images, both front ends) goes through here so a fallback is always reported.
import { readFile } from 'node:fs/promises';
import { describeFsError } from '../common/errors.js';
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

export async function chooseTrustedRoot(choice: TrustedRootChoice): Promise<LoadedTrustedRoot> {
  let trustedRootFile: { path: string; text: string } | undefined;
  if (choice.path) {
    try {
      trustedRootFile = { path: choice.path, text: await readFile(choice.path, 'utf8') };
    } catch (err) {
      throw describeFsError(err, choice.path);
    }
  }
  return resolveTrustedRoot({
    ...(trustedRootFile ? { trustedRootFile } : {}),
    offline: choice.offline,
    tuf: sigstoreTufFetcher(choice.cacheDir ? { cacheDir: choice.cacheDir } : {}),
    warn: choice.warn,
  });
}
