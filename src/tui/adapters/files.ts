// Verifying release binaries and archives through the verify-release use case: the release SBOM checked first, then
// each file's SHA-256/512 against the SBOM and the published files and its signature with the Rekor entry.
import { verifyReleaseFiles, type ReleaseFileRow } from '../../verify/verify-release.js';
import { createReleaseSignatureVerifier } from '../../verify/release-signature.js';
import type { FileResult, ImageCheckRow, SbomView } from '../ports.js';
import type { TuiSettings } from './settings.js';
import { loadOptionsFrom } from './load-options.js';

const checkRow = (c: { check: string; status: 'pass' | 'fail'; code: string; message: string }): ImageCheckRow => ({
  check: c.check,
  status: c.status,
  code: c.code,
  message: c.message,
});

export function toFileResult(row: ReleaseFileRow): FileResult {
  return {
    reference: row.name,
    status: row.status === 'pass' ? 'verified' : row.status === 'fail' ? 'failed' : 'unchecked',
    ...(row.status === 'pass' && row.artifact ? { digest: `sha512:${row.artifact.sha512}` } : {}),
    code: row.code ?? (row.status === 'pass' ? 'OK' : 'FAILED'),
    message: row.reason ?? `every check passed: ${row.artifact?.url ?? row.name}`,
    checks: row.checks.map(checkRow),
    ...(row.signer?.identity ? { signer: `${row.signer.identity} (${row.signer.issuer ?? '?'})` } : {}),
  };
}

/** What every asked-for file gets when the run checked none of it: the SBOM's failure, or why the file was not among those checked. */
function notChecked(path: string, code: string, message: string, status: FileResult['status'] = 'failed'): FileResult {
  return { reference: path, status, code, message, checks: [] };
}

export async function verifyViewFiles(
  settings: TuiSettings,
  view: SbomView,
  paths: string[],
  onResult: (r: FileResult) => void,
  onWarning: (message: string) => void = () => undefined,
): Promise<FileResult[]> {
  const version = view.inventory.releaseVersion;
  if (!version) {
    const results = paths.map((p) =>
      notChecked(
        p,
        'RELEASE_UNKNOWN',
        'the document does not say which Kubernetes release it describes, so there is no download location to check this file against',
        'unchecked',
      ),
    );
    results.forEach(onResult);
    return results;
  }
  // Live status: a file's checks show as they are made (the use case names each check's subject by path).
  const live = new Map<string, FileResult>();
  // The release SBOM is checked as the UI loads a release (same location, signer, carried entry or bundle).
  const { rekorEntryFile, ...release } = loadOptionsFrom(settings).release;
  const { report } = await verifyReleaseFiles({
    ...release,
    verifySignature: createReleaseSignatureVerifier({
      offline: settings.offline,
      ...(settings.cacheDir ? { cacheDir: settings.cacheDir } : {}),
      warn: onWarning,
    }),
    version,
    selection: { kinds: ['binary', 'archive'], paths },
    concurrency: settings.concurrency,
    ...(rekorEntryFile ? { sbomRekorEntryFile: rekorEntryFile } : {}),
    onEvent: (event) => {
      if (event.type !== 'check' || !paths.includes(event.result.subject)) return;
      const path = event.result.subject;
      const current = live.get(path) ?? { reference: path, status: 'running' as const, checks: [] };
      const next = { ...current, checks: [...current.checks, checkRow(event.result)] };
      live.set(path, next);
      onResult(next);
    },
  });
  const rows = new Map(report.files.map((f) => [f.name, f]));
  const sbomFailure = report.sbomChecks.find((c) => c.status === 'fail');
  const results = paths.map((path) => {
    const row = rows.get(path.replace(/^\.\//, ''));
    if (row) return toFileResult(row);
    if (!report.sbomVerified)
      return notChecked(
        path,
        sbomFailure?.code ?? 'SBOM_NOT_VERIFIED',
        `the ${report.version} release SBOM did not verify (${sbomFailure ? `${sbomFailure.check}: ${sbomFailure.message}` : 'no check passed'}), so it vouches for no file`,
      );
    return notChecked(path, 'NOT_IN_RELEASE_SBOM', `the ${report.version} release SBOM lists no binary or archive named ${path}`);
  });
  results.forEach(onResult);
  return results;
}
