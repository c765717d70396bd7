// One run of a release use case: a private staging folder, a Fetcher, version resolution; always cleaned up.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeOnExit } from '../common/remove-on-exit.js';
import { Fetcher } from '../fetch/fetcher.js';
import { SIZE_LIMITS, type FetchSettings } from '../fetch/types.js';
import { markerUrl } from '../k8s/release-urls.js';
import { parseVersionSpec, resolveVersion, type VersionSpec } from '../k8s/versions.js';
import type { VerifyDetachedSignature, VerifyEventListener } from './release-check.js';
import type { FetchedFile } from '../fetch/fetcher.js';
import type { SignaturePolicy } from './signed-artifact.js';

export interface ReleaseSourceOptions {
  sbomUrl: string;
  dlUrl: string;
  rekorUrl: string;
  /** Exact signer identity, or identityRegexp (anchored); likewise issuer / issuerRegexp. */
  identity?: string;
  identityRegexp?: string;
  issuer?: string;
  issuerRegexp?: string;
  trustedRootPath?: string;
  cacheDir?: string;
  offline?: boolean;
  fetchSettings?: Partial<FetchSettings>;
  verifySignature: VerifyDetachedSignature;
  onEvent?: VerifyEventListener;
}

export interface ReleaseSession {
  fetcher: Fetcher;
  dir: string;
  spec: VersionSpec;
  /** Marker files read while resolving, cached once the release verified. */
  markers: FetchedFile[];
  resolve(): Promise<string>;
}

/** Validates the version before anything touches the network, runs `body`, then removes the staging folder. */
export async function withReleaseSession<T>(versionSpec: string, options: ReleaseSourceOptions, body: (s: ReleaseSession) => Promise<T>): Promise<T> {
  const spec = parseVersionSpec(versionSpec);
  const dir = await mkdtemp(join(tmpdir(), 'kube-sbom-verify-'));
  const forget = removeOnExit(dir);
  const fetcher = new Fetcher({ settings: options.fetchSettings, cacheDir: options.cacheDir, offline: options.offline, onEvent: options.onEvent });
  const markers: FetchedFile[] = [];
  const session: ReleaseSession = {
    fetcher,
    dir,
    spec,
    markers,
    resolve: () =>
      resolveVersion(spec, async (path) => {
        options.onEvent?.({ type: 'stage', message: `resolving ${path}` });
        const file = await fetcher.fetch({
          url: markerUrl(path, options.dlUrl),
          label: path.split('/').pop()!,
          dir,
          maxBytes: SIZE_LIMITS.small,
          cache: 'refresh',
        });
        markers.push(file);
        return readFile(file.path, 'utf8');
      }),
  };
  try {
    return await body(session);
  } finally {
    await fetcher.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    forget();
  }
}

/** The release signer's policy for one artifact of the session: its signer and trust, plus the artifact's own saved Rekor entry and bundle request. */
export function releaseSignaturePolicy(
  options: ReleaseSourceOptions,
  artifact: { rekorEntryFile?: string; sigstoreBundleFile?: string; bundle?: boolean },
): SignaturePolicy {
  return {
    identity: options.identity,
    identityRegexp: options.identityRegexp,
    issuer: options.issuer,
    issuerRegexp: options.issuerRegexp,
    trustedRootPath: options.trustedRootPath,
    rekorEntryFile: artifact.rekorEntryFile,
    ...(artifact.sigstoreBundleFile !== undefined ? { sigstoreBundleFile: artifact.sigstoreBundleFile } : {}),
    rekorUrl: options.rekorUrl,
    verify: options.verifySignature,
    bundle: artifact.bundle,
  };
}
