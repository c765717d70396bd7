// One file of a release (bin/OS/ARCH/NAME or an archive) checked within a release session whose SBOM is already
// checked: SHA-256, SHA-512 and signature like cosign verify-blob, then the SBOM's own digests for that path.
import { SIZE_LIMITS } from '../fetch/types.js';
import type { Limiter } from '../registry/limiter.js';
import type { SignedArtifactUrls } from '../k8s/release-urls.js';
import { failed, type ReleaseCheck } from './release-check.js';
import { releaseSignaturePolicy, type ReleaseSession, type ReleaseSourceOptions } from './release-session.js';
import { checkSbomDescribes } from './sbom-file-match.js';
import { fetchAndCheckSignedArtifact, type SignedArtifactResult } from './signed-artifact.js';
import type { VerifiedSbom } from './verify-sbom.js';

export interface ReleaseFileRequest {
  /** The path as the SBOM names it. */
  path: string;
  urls: SignedArtifactUrls;
  rekorEntryFile?: string;
  /** Ask for a standard bundle of the verified signature (-o). */
  bundle?: boolean;
  /** Staging folder (default the session's): files checked at once need one each, as names repeat across platforms. */
  dir?: string;
  /** Bounds the downloads of files checked at once (their checks need no slot). */
  downloads?: Limiter;
}

export interface ReleaseFileResult {
  result: SignedArtifactResult;
  /** The file's own checks, then the SBOM cross-check (sbom-describes). */
  checks: ReleaseCheck[];
  verified: boolean;
  /** Caches what was fetched for this file: only call it once the file verified. */
  remember: () => Promise<void>;
}

export async function checkReleaseFile(
  session: ReleaseSession,
  options: ReleaseSourceOptions,
  sbom: VerifiedSbom,
  req: ReleaseFileRequest,
): Promise<ReleaseFileResult> {
  const fileName = req.path.split('/').pop()!;
  const result = await fetchAndCheckSignedArtifact({
    urls: req.urls,
    fileName,
    subject: req.path,
    // The binary limit (2 GiB) also covers the largest archive, the server tarball (~400 MB).
    maxBytes: SIZE_LIMITS.binary,
    fetcher: session.fetcher,
    dir: req.dir ?? session.dir,
    policy: releaseSignaturePolicy(options, { rekorEntryFile: req.rekorEntryFile, bundle: req.bundle }),
    ...(req.downloads ? { downloads: req.downloads } : {}),
    onEvent: options.onEvent,
  });
  const describes =
    sbom.document && sbom.report.verified
      ? checkSbomDescribes(sbom.document, req.path, result.artifact)
      : failed('sbom-describes', req.path, 'SBOM_NOT_VERIFIED', 'the release SBOM did not verify, so it cannot vouch for this file');
  options.onEvent?.({ type: 'check', result: describes });
  const checks = [...result.checks, describes];
  return {
    result,
    checks,
    verified: checks.every((c) => c.status === 'pass'),
    remember: async () => {
      for (const f of [...result.files, ...result.cacheOnly]) await session.fetcher.remember(f);
    },
  };
}
