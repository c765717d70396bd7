// An SBOM named on the command line: a file as it is, or a release version downloaded and verified first.
import { existsSync } from 'node:fs';
import type { SpdxDocument } from '../../parsers/model.js';
import type { SbomFormat } from '../../parsers/model.js';
import { checkError } from '../common/errors.js';
import type { ReleaseCliOptions } from './release-options.js';

export interface SbomSourceOptions {
  maxSize?: string;
  inputFormat?: SbomFormat;
  /** How to fetch and check a release SBOM; the identities must be the release signer's. */
  release: ReleaseCliOptions;
  rekorEntry?: string;
}

export interface LoadedSbomSource {
  /** The file name, or `VERSION (URL)` for a release. */
  label: string;
  document: SpdxDocument;
  /** Set when the source was a release version. */
  release?: { version: string; url: string };
}

/** An existing path is a file; otherwise a valid version spec is a release; anything else is a (missing) file. */
async function isReleaseVersion(source: string): Promise<boolean> {
  if (existsSync(source)) return false;
  const { parseVersionSpec } = await import('../k8s/versions.js');
  try {
    parseVersionSpec(source);
    return true;
  } catch {
    return false;
  }
}

export async function loadSbomSource(source: string, options: SbomSourceOptions): Promise<LoadedSbomSource> {
  if (!(await isReleaseVersion(source))) {
    const { loadSbomFile } = await import('./sbom-input.js');
    const { result } = await loadSbomFile(source, { maxSize: options.maxSize, format: options.inputFormat });
    return { label: source, document: result.document };
  }
  const { releaseSourceOptions } = await import('./release-run.js');
  const { withReleaseSession } = await import('../verify/release-session.js');
  const { checkReleaseSbom } = await import('../verify/verify-sbom.js');
  const sourceOptions = releaseSourceOptions(options.release);
  return withReleaseSession(source, sourceOptions, async (session) => {
    const verified = await checkReleaseSbom(session, sourceOptions, options.rekorEntry);
    // Fail closed: a list taken from an SBOM that did not verify would be a list nobody should trust.
    if (!verified.report.verified || !verified.document) {
      const failed = verified.report.checks.filter((c) => c.status !== 'pass');
      const what = failed.map((c) => `${c.check}: ${c.code}`).join('; ');
      throw checkError(
        'SBOM_NOT_VERIFIED',
        `the release SBOM of ${verified.report.version} did not verify (${what || 'no document'}); run kube-sbom verify-sbom ${source} for the full report`,
      );
    }
    await verified.commit();
    const release = { version: verified.report.version, url: verified.report.artifact.url };
    return { label: `${release.version} (${release.url})`, document: verified.document, release };
  });
}
