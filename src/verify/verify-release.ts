// The verify-release use case for files: the release SBOM verified once, then every selected binary and archive it
// lists checked within the same session (digests, signature, SBOM entry), a few at a time.
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SpdxDocument } from '../../parsers/model.js';
import { KubeSbomError } from '../common/errors.js';
import { releaseFileUrls } from '../k8s/release-urls.js';
import { mapLimited } from '../registry/limiter.js';
import type { ReleaseCheck, SignatureReport } from './release-check.js';
import { checkReleaseFile } from './release-file-check.js';
import { selectReleaseFiles, type ReleaseFileKind, type ReleaseFileSelection } from './release-selection.js';
import { withReleaseSession, type ReleaseSourceOptions } from './release-session.js';
import type { SbomSummary } from './sbom-summary.js';
import { checkReleaseSbom, type VerifiedArtifactInfo } from './verify-sbom.js';

export interface VerifyReleaseFilesOptions extends ReleaseSourceOptions {
  version: string;
  selection: ReleaseFileSelection;
  concurrency: number;
  sbomRekorEntryFile?: string;
  /** The release SBOM signature's carried Sigstore bundle. */
  sbomBundleFile?: string;
}

export interface ReleaseFileRow {
  kind: ReleaseFileKind;
  /** The path as the SBOM names it. */
  name: string;
  /** pass: every check passed; fail: a check failed; error: it could not be checked (download, file system). */
  status: 'pass' | 'fail' | 'error';
  /** Why it did not pass, in words (the first failed check, or the error). */
  reason?: string;
  code?: string;
  artifact?: VerifiedArtifactInfo;
  checks: ReleaseCheck[];
  signer?: SignatureReport['signer'];
}

export interface VerifyReleaseFilesReport {
  requested: string;
  version: string;
  sbomUrl: string;
  sbomVerified: boolean;
  /** The SBOM's checks (subject `release`). */
  sbomChecks: ReleaseCheck[];
  sbom?: SbomSummary;
  files: ReleaseFileRow[];
}

export interface VerifiedReleaseFiles {
  report: VerifyReleaseFilesReport;
  /** The SBOM, only when it verified: what the images to verify are read from. */
  document?: SpdxDocument;
}

export async function verifyReleaseFiles(options: VerifyReleaseFilesOptions): Promise<VerifiedReleaseFiles> {
  return withReleaseSession(options.version, options, async (session) => {
    const sbom = await checkReleaseSbom(session, options, options.sbomRekorEntryFile, false, options.sbomBundleFile);
    const version = sbom.report.version;
    const base = {
      requested: sbom.report.requested,
      version,
      sbomUrl: sbom.report.artifact.url,
      sbomVerified: sbom.report.verified,
      sbomChecks: sbom.report.checks,
      ...(sbom.report.sbom ? { sbom: sbom.report.sbom } : {}),
    };
    // Fail closed: a list from an SBOM that did not verify names nothing worth downloading.
    if (!sbom.report.verified || !sbom.document) return { report: { ...base, files: [] } };
    await sbom.commit();
    const selected = selectReleaseFiles(sbom.document, options.selection);
    const files = await mapLimited(selected, options.concurrency, async ({ kind, path }, index): Promise<ReleaseFileRow> => {
      options.onEvent?.({ type: 'stage', message: `verifying ${path} of ${version}` });
      // bin/linux/amd64/kubectl and bin/linux/arm64/kubectl share a file name: each file stages in its own folder.
      const dir = join(session.dir, `file-${index}`);
      try {
        await mkdir(dir);
        const file = await checkReleaseFile(session, options, sbom, { path, urls: releaseFileUrls(version, path, options.dlUrl), dir });
        if (file.verified) await file.remember();
        const failedCheck = file.checks.find((c) => c.status === 'fail');
        const a = file.result.artifact;
        return {
          kind,
          name: path,
          status: failedCheck ? 'fail' : 'pass',
          ...(failedCheck ? { reason: `${failedCheck.check}: ${failedCheck.message}`, code: failedCheck.code } : {}),
          artifact: { url: a.url, size: a.size, sha256: a.sha256, sha512: a.sha512 },
          checks: file.checks,
          ...(file.result.signature?.signer ? { signer: file.result.signature.signer } : {}),
        };
      } catch (err) {
        // One file that cannot be fetched is that row's failure, not the end of the run.
        const code = err instanceof KubeSbomError ? err.code : 'INTERNAL_ERROR';
        const status = err instanceof KubeSbomError && err.kind === 'check' ? 'fail' : 'error';
        return { kind, name: path, status, reason: (err as Error).message, code, checks: [] };
      } finally {
        // --all is hundreds of files (tens of GB): each leaves the staging folder once checked (and cached).
        await rm(dir, { recursive: true, force: true });
      }
    });
    return { report: { ...base, files }, document: sbom.document };
  });
}
