// The verify-sbom use case: fetch the release SBOM with its checksums, signature, certificate and Rekor entry; check
// SHA-256, SHA-512 and the signature; parse and summarise; keep the files (-o) and cache them only when all passed.
import type { Diagnostic } from '../../parsers/diagnostics.js';
import type { SpdxDocument } from '../../parsers/model.js';
import { KubeSbomError } from '../common/errors.js';
import type { FetchedFile } from '../fetch/fetcher.js';
import { SIZE_LIMITS } from '../fetch/types.js';
import { releaseSbomUrls } from '../k8s/release-urls.js';
import { failed, type ReleaseCheck, type SignatureReport } from './release-check.js';
import { releaseSignaturePolicy, withReleaseSession, type ReleaseSession, type ReleaseSourceOptions } from './release-session.js';
import { bundleFile } from './bundle-file.js';
import { fetchedToSave, saveVerifiedFiles, type FileToSave } from './save-verified.js';
import { summariseSbom, type SbomSummary } from './sbom-summary.js';
import { fetchAndCheckSignedArtifact } from './signed-artifact.js';
import { readVerifiedFile } from './verified-file.js';

export interface VerifySbomOptions extends ReleaseSourceOptions {
  /** v1.29.0, stable, latest-1.29 ... */
  version: string;
  /** A saved Rekor entry for the SBOM's signature. */
  rekorEntryFile?: string;
  /** The signature's carried Sigstore bundle (release.sigstore.json), verified instead of a Rekor lookup. */
  sigstoreBundleFile?: string;
  /** Keep the verified files here. */
  outDir?: string;
}

export interface VerifiedArtifactInfo {
  url: string;
  size: number;
  sha256: string;
  sha512: string;
}

export interface VerifySbomReport {
  verified: boolean;
  requested: string;
  version: string;
  artifact: VerifiedArtifactInfo;
  checks: ReleaseCheck[];
  signer?: SignatureReport['signer'];
  signedAt?: string[];
  sbom?: SbomSummary;
  /** Files written by -o. */
  saved: string[];
}

export interface VerifiedSbom {
  report: VerifySbomReport;
  document?: SpdxDocument;
  /** What parsing the verified bytes reported (lenient: real release SBOMs deviate from the spec). */
  diagnostics: Diagnostic[];
  /** What -o writes / the cache keeps. */
  files: FileToSave[];
  /** The verified signature as a standard Sigstore bundle (release.sigstore.json), when it verified. */
  bundle?: string;
  commit: () => Promise<void>;
}

export async function verifySbom(options: VerifySbomOptions): Promise<VerifySbomReport> {
  return withReleaseSession(options.version, options, async (session) => {
    const result = await checkReleaseSbom(session, options, {
      rekorEntryFile: options.rekorEntryFile,
      sigstoreBundleFile: options.sigstoreBundleFile,
      bundle: options.outDir !== undefined,
    });
    if (result.report.verified) {
      await result.commit();
      if (options.outDir) {
        const files = [...result.files, bundleFile('release', result.bundle, options.outDir)];
        result.report.saved = await saveVerifiedFiles(options.outDir, files);
      }
    }
    return result.report;
  });
}

/** How the release SBOM's signature is proven, beyond the session's options. */
export interface SbomSignatureMaterial {
  /** A saved Rekor entry (--rekor-entry) instead of a lookup. */
  rekorEntryFile?: string;
  /** The signature's carried Sigstore bundle (--sbom-bundle) instead of a lookup. */
  sigstoreBundleFile?: string;
  /** Also write a standard bundle of the verified signature (-o). */
  bundle?: boolean;
}

/** The SBOM part, shared with verify-binary and verify-release (which need the parsed document). */
export async function checkReleaseSbom(
  session: ReleaseSession,
  options: ReleaseSourceOptions,
  { rekorEntryFile, sigstoreBundleFile, bundle = false }: SbomSignatureMaterial = {},
): Promise<VerifiedSbom> {
  const version = await session.resolve();
  options.onEvent?.({ type: 'stage', message: `verifying the release SBOM of ${version}` });
  const result = await fetchAndCheckSignedArtifact({
    urls: releaseSbomUrls(version, options.sbomUrl),
    fileName: 'release',
    subject: 'release',
    maxBytes: SIZE_LIMITS.sbom,
    fetcher: session.fetcher,
    dir: session.dir,
    policy: releaseSignaturePolicy(options, { rekorEntryFile, bundle, ...(sigstoreBundleFile !== undefined ? { sigstoreBundleFile } : {}) }),
    onEvent: options.onEvent,
  });
  const parsed = await summariseVerified(result.artifact, version);
  options.onEvent?.({ type: 'check', result: parsed.check });
  const checks = [...result.checks, parsed.check];
  const files: FileToSave[] = result.files.map(fetchedToSave);
  if (result.givenRekorEntry !== undefined) files.push({ name: 'release.rekor.json', data: result.givenRekorEntry });
  const report: VerifySbomReport = {
    verified: checks.every((c) => c.status === 'pass'),
    requested: session.spec.kind === 'exact' ? session.spec.version : session.spec.marker,
    version,
    artifact: { url: result.artifact.url, size: result.artifact.size, sha256: result.artifact.sha256, sha512: result.artifact.sha512 },
    checks,
    signer: result.signature?.signer,
    signedAt: result.signature?.signedAt,
    sbom: parsed.summary,
    saved: [],
  };
  const commit = async () => {
    for (const f of [...session.markers, ...result.files, ...result.cacheOnly]) await session.fetcher.remember(f);
  };
  const written = result.signature?.bundle;
  return { report, document: parsed.document, diagnostics: parsed.diagnostics, files, ...(written ? { bundle: written } : {}), commit };
}

/** The SBOM as verified: the file is read back for parsing, so it is parsed only if it is still the bytes checked. */
export async function summariseVerified(artifact: FetchedFile, version: string): Promise<ReturnType<typeof summariseSbom>> {
  try {
    return summariseSbom(await readVerifiedFile(artifact, 'not parsed'), 'release', version);
  } catch (err) {
    if (!(err instanceof KubeSbomError && err.code === 'ARTIFACT_CHANGED')) throw err;
    return { check: failed('sbom', 'release', err.code, err.message), diagnostics: [] };
  }
}
