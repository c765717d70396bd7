// The verify-release use case for files: the release SBOM verified once, then every selected binary and archive it
// lists checked within the same session (digests, signature, SBOM entry), a few at a time.
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SpdxDocument } from '../../parsers/model.js';
import { KubeSbomError } from '../common/errors.js';
import { releaseFileUrls } from '../k8s/release-urls.js';
import { createLimiter, mapLimited } from '../registry/limiter.js';
import type { ReleaseCheck, SignatureReport } from './release-check.js';
import { bundleFile } from './bundle-file.js';
import { NotPublishedError } from './not-published.js';
import { checkReleaseFile } from './release-file-check.js';
import { loadReleaseProvenance, type ProvenanceSummary } from './release-provenance.js';
import { selectReleaseFiles, type ReleaseFileKind, type ReleaseFileSelection, type SelectedReleaseFile } from './release-selection.js';
import { withReleaseSession, type ReleaseSourceOptions } from './release-session.js';
import { fetchedToSave, saveVerifiedFiles, type FileToSave } from './save-verified.js';
import type { SbomSummary } from './sbom-summary.js';
import type { SignedArtifactResult } from './signed-artifact.js';
import { checkReleaseSbom, type VerifiedArtifactInfo } from './verify-sbom.js';

export interface VerifyReleaseFilesOptions extends ReleaseSourceOptions {
  version: string;
  selection: ReleaseFileSelection;
  concurrency: number;
  sbomRekorEntryFile?: string;
  /** Which files were selected, and each one's start and row as it finishes (the CLI's live table). */
  onFile?: (update: ReleaseFileUpdate) => void;
  /** -o: each verified file with its signature files and NAME.sigstore.json lands here, under its release path. */
  outDir?: string;
  /** The release SBOM signature's carried Sigstore bundle. */
  sbomBundleFile?: string;
}

export type ReleaseFileUpdate =
  { type: 'files'; paths: string[] } | { type: 'file-start'; path: string; url: string } | { type: 'file-done'; row: ReleaseFileRow };

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
  /** With -o, the files written for this artifact (only when it verified). */
  saved?: string[];
}

export interface VerifyReleaseFilesReport {
  requested: string;
  version: string;
  sbomUrl: string;
  sbomVerified: boolean;
  /** The SBOM's checks (subject `release`). */
  sbomChecks: ReleaseCheck[];
  sbom?: SbomSummary;
  /** Absent when the SBOM did not verify (nothing it lists was looked at). */
  provenance?: ProvenanceSummary;
  files: ReleaseFileRow[];
}

export interface VerifiedReleaseFiles {
  report: VerifyReleaseFilesReport;
  /** The SBOM, only when it verified: what the images to verify are read from. */
  document?: SpdxDocument;
}

export async function verifyReleaseFiles(options: VerifyReleaseFilesOptions): Promise<VerifiedReleaseFiles> {
  return withReleaseSession(options.version, options, async (session) => {
    const sbom = await checkReleaseSbom(session, options, { rekorEntryFile: options.sbomRekorEntryFile, sigstoreBundleFile: options.sbomBundleFile });
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
    const document = sbom.document;
    const selected = selectReleaseFiles(document, options.selection);
    const provenance = await loadReleaseProvenance(session, options, version);
    options.onFile?.({ type: 'files', paths: selected.map((f) => f.path) });
    // --concurrency files download at once; as many again may wait for their Rekor entry and signature check meanwhile,
    // so the network never idles behind them (and at most twice that many files are staged on disk).
    const downloads = createLimiter(options.concurrency);
    const files = await mapLimited(selected, options.concurrency * 2, async (file, index) => {
      const row = await checkOne(file, index);
      options.onFile?.({ type: 'file-done', row });
      return row;
    });
    return { report: { ...base, provenance: provenance.summary, files }, document };

    async function checkOne({ kind, path }: SelectedReleaseFile, index: number): Promise<ReleaseFileRow> {
      options.onEvent?.({ type: 'stage', message: `verifying ${path} of ${version}` });
      // SBOM against provenance.json needs no download: a row that fails before its checks still carries it.
      const fromProvenance = provenance.checkFile(document, path);
      const withProvenance = (checks: ReleaseCheck[]) => (fromProvenance ? [...checks, fromProvenance] : checks);
      // bin/linux/amd64/kubectl and bin/linux/arm64/kubectl share a file name: each file stages in its own folder.
      const dir = join(session.dir, `file-${index}`);
      try {
        const urls = releaseFileUrls(version, path, options.dlUrl);
        options.onFile?.({ type: 'file-start', path, url: urls.artifact });
        await mkdir(dir);
        const bundle = options.outDir !== undefined;
        const file = await checkReleaseFile(session, options, sbom, { path, urls, dir, bundle, downloads });
        if (file.verified) await file.remember();
        const checks = withProvenance(file.checks);
        if (fromProvenance) options.onEvent?.({ type: 'check', result: fromProvenance });
        const failedCheck = checks.find((c) => c.status === 'fail');
        const a = file.result.artifact;
        // Only an artifact that passed every check (provenance included) lands in -o DIR, as one complete set.
        const saved = options.outDir && !failedCheck ? await saveReleaseFile(options.outDir, path, file.result) : undefined;
        return {
          kind,
          name: path,
          status: failedCheck ? 'fail' : 'pass',
          ...(failedCheck ? { reason: `${failedCheck.check}: ${failedCheck.message}`, code: failedCheck.code } : {}),
          artifact: { url: a.url, size: a.size, sha256: a.sha256, sha512: a.sha512 },
          checks,
          ...(file.result.signature?.signer ? { signer: file.result.signature.signer } : {}),
          ...(saved ? { saved } : {}),
        };
      } catch (err) {
        // A piece the server says does not exist fails the artifact (the release is incomplete); an unreachable one is unchecked.
        if (err instanceof NotPublishedError)
          return { kind, name: path, status: 'fail', reason: err.reason, code: 'NOT_PUBLISHED', checks: withProvenance([]) };
        // One file that cannot be fetched is that row's failure, not the end of the run.
        const code = err instanceof KubeSbomError ? err.code : 'INTERNAL_ERROR';
        const status = err instanceof KubeSbomError && err.kind === 'check' ? 'fail' : 'error';
        return { kind, name: path, status, reason: (err as Error).message, code, checks: withProvenance([]) };
      } finally {
        // --all is hundreds of files (tens of GB): each leaves the staging folder once checked (and cached).
        await rm(dir, { recursive: true, force: true });
      }
    }
  });
}

/** The file, its .sha256 .sha512 .sig .cert, Rekor entry and NAME.sigstore.json into DIR/<release path's folder>. */
async function saveReleaseFile(outDir: string, path: string, result: SignedArtifactResult): Promise<string[]> {
  const name = path.split('/').pop()!;
  const target = join(outDir, dirname(path));
  const files: FileToSave[] = result.files.map(fetchedToSave);
  files.push(bundleFile(name, result.signature?.bundle, target));
  return saveVerifiedFiles(target, files);
}
