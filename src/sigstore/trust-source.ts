// Which trusted root to verify with: --trusted-root FILE, else a TUF refresh when online, else the shipped root.
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseTrustedRoot, PUBLIC_GOOD_TUF_MIRROR, shippedTrustedRoot, type LoadedTrustedRoot } from './trusted-root.js';

/** Fetches the current trusted_root.json through TUF; returns its JSON text. Network lives here. */
export type TufFetcher = () => Promise<string>;

export interface TrustSourceOptions {
  /** Contents and path of --trusted-root, when given. */
  trustedRootFile?: { path: string; text: string };
  offline: boolean;
  tuf?: TufFetcher;
  warn: (message: string) => void;
}

export async function resolveTrustedRoot(options: TrustSourceOptions): Promise<LoadedTrustedRoot> {
  if (options.trustedRootFile) return parseTrustedRoot(options.trustedRootFile.text, options.trustedRootFile.path);
  if (options.offline || !options.tuf) return shippedTrustedRoot();
  try {
    const text = await options.tuf();
    return parseTrustedRoot(text, `TUF (${PUBLIC_GOOD_TUF_MIRROR})`);
  } catch (err) {
    const cause = (err as { cause?: Error }).cause?.message;
    const why = `${(err as Error).message}${cause ? `: ${cause}` : ''}`.split('\n')[0];
    // Without the network this is asked on every run: say how not to ask.
    options.warn(
      `could not refresh the trusted root through TUF (${why}); using the shipped public-good root (without the network, give --trusted-root FILE from kube-sbom trust-root export, or --offline)`,
    );
    return shippedTrustedRoot();
  }
}

/** The real TUF client (@sigstore/tuf), caching under the user's cache directory. */
export function sigstoreTufFetcher(options: { cacheDir?: string; timeoutMs?: number } = {}): TufFetcher {
  return async () => {
    const { getTrustedRoot } = createRequire(import.meta.url)('@sigstore/tuf') as typeof import('@sigstore/tuf');
    const { TrustedRoot } = await import('./library.js');
    const cachePath = options.cacheDir ? join(options.cacheDir, 'tuf') : join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'kube-sbom', 'tuf');
    const root = await getTrustedRoot({ cachePath, mirrorURL: PUBLIC_GOOD_TUF_MIRROR, timeout: options.timeoutMs ?? 10_000, retry: 1 });
    return JSON.stringify(TrustedRoot.toJSON(root));
  };
}
