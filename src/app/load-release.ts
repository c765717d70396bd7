// A release version: its SBOM downloaded with .sha256, .sha512, .sig, .cert and Rekor entry, and used only when
// every check passed (then cached). Progress, checks and warnings go to the listener as they happen.
import { createReleaseSignatureVerifier } from '../verify/release-signature.js';
import { withReleaseSession, type ReleaseSourceOptions } from '../verify/release-session.js';
import { checkReleaseSbom } from '../verify/verify-sbom.js';
import type { LoadedSource, LoadEventListener, ReleaseLoadOptions } from './loaded-source.js';
import { ReleaseNotVerifiedError } from './release-not-verified.js';

export async function loadRelease(version: string, options: ReleaseLoadOptions, onEvent: LoadEventListener): Promise<LoadedSource> {
  const { rekorEntryFile, sbomBundleFile, ...rest } = options;
  const warn = (message: string) => onEvent({ type: 'warning', message });
  const sourceOptions: ReleaseSourceOptions = {
    ...rest,
    verifySignature: createReleaseSignatureVerifier({ offline: options.offline, ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}), warn }),
    onEvent,
  };
  return withReleaseSession(version, sourceOptions, async (session) => {
    const verified = await checkReleaseSbom(session, sourceOptions, { rekorEntryFile, sigstoreBundleFile: sbomBundleFile });
    const { report, document } = verified;
    // Fail closed: a document from an SBOM that did not verify is one nobody should act on.
    if (!report.verified || !document) throw new ReleaseNotVerifiedError(version, report);
    await verified.commit();
    return {
      document,
      label: `${report.version} (${report.artifact.url})`,
      ...(report.sbom?.format ? { format: report.sbom.format as LoadedSource['format'] } : {}),
      diagnostics: verified.diagnostics,
      verification: { kind: 'release', version: report.version, url: report.artifact.url, report },
    };
  });
}
