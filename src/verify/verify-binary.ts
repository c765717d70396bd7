// The verify-binary use case: the binary, its .sha256 .sha512 .sig .cert and Rekor entry checked like cosign
// verify-blob, AND its digests found in the release SBOM (verified the same way) under bin/OS/ARCH/NAME.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { binaryPath, binaryUrls, type BinaryTarget } from '../k8s/release-urls.js';
import type { ReleaseCheck, SignatureReport } from './release-check.js';
import { checkReleaseFile } from './release-file-check.js';
import { withReleaseSession, type ReleaseSourceOptions } from './release-session.js';
import { bundleFile } from './bundle-file.js';
import { fetchedToSave, saveVerifiedFiles, type FileToSave } from './save-verified.js';
import type { SbomSummary } from './sbom-summary.js';
import { checkReleaseSbom, type VerifiedArtifactInfo } from './verify-sbom.js';

export interface VerifyBinaryOptions extends ReleaseSourceOptions, BinaryTarget {
  version: string;
  /** Saved Rekor entries: for the binary's signature and for the SBOM's. */
  rekorEntryFile?: string;
  sbomRekorEntryFile?: string;
  /** The release SBOM signature's carried Sigstore bundle. */
  sbomBundleFile?: string;
  /** A local file checked instead of downloading the binary (the .sha256 .sha512 .sig .cert are still the release's). */
  file?: string;
  /** Keep the verified binary and its signature files here. */
  outDir?: string;
}

export interface VerifyBinaryReport {
  verified: boolean;
  requested: string;
  version: string;
  /** bin/OS/ARCH/NAME as the SBOM names it. */
  path: string;
  binary: VerifiedArtifactInfo;
  sbomUrl: string;
  /** SBOM checks (subject `release`), then the binary's, then the cross-check. */
  checks: ReleaseCheck[];
  signer?: SignatureReport['signer'];
  signedAt?: string[];
  sbom?: SbomSummary;
  saved: string[];
}

export async function verifyBinary(options: VerifyBinaryOptions): Promise<VerifyBinaryReport> {
  const path = binaryPath(options);
  return withReleaseSession(options.version, options, async (session) => {
    const sbom = await checkReleaseSbom(session, options, { rekorEntryFile: options.sbomRekorEntryFile, sigstoreBundleFile: options.sbomBundleFile });
    const version = sbom.report.version;
    const fileName = path.split('/').pop()!;
    options.onEvent?.({ type: 'stage', message: `verifying ${path} of ${version}` });
    const file = await checkReleaseFile(session, options, sbom, {
      path,
      // file:// bytes are read, hashed and never cached, so a local file is checked like a download of it.
      urls: { ...binaryUrls(version, options, options.dlUrl), ...(options.file ? { artifact: pathToFileURL(resolve(options.file)).href } : {}) },
      rekorEntryFile: options.rekorEntryFile,
      bundle: options.outDir !== undefined,
    });
    const result = file.result;
    const checks = [...sbom.report.checks, ...file.checks];
    const report: VerifyBinaryReport = {
      verified: checks.every((c) => c.status === 'pass'),
      requested: sbom.report.requested,
      version,
      path,
      binary: { url: result.artifact.url, size: result.artifact.size, sha256: result.artifact.sha256, sha512: result.artifact.sha512 },
      sbomUrl: sbom.report.artifact.url,
      checks,
      signer: result.signature?.signer,
      signedAt: result.signature?.signedAt,
      sbom: sbom.report.sbom,
      saved: [],
    };
    if (report.verified) {
      await sbom.commit();
      await file.remember();
      if (options.outDir) {
        const files: FileToSave[] = result.files.map(fetchedToSave);
        if (result.givenRekorEntry !== undefined) files.push({ name: `${fileName}.rekor.json`, data: result.givenRekorEntry });
        files.push(bundleFile(fileName, result.signature?.bundle, options.outDir));
        report.saved = await saveVerifiedFiles(options.outDir, files);
      }
    }
    return report;
  });
}
