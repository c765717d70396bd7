// The failure of loading a release whose SBOM did not verify: fail closed (no document), but the report travels
// with the error so a front end can still show every check.
import { KubeSbomError } from '../common/errors.js';
import type { VerifySbomReport } from '../verify/verify-sbom.js';

export class ReleaseNotVerifiedError extends KubeSbomError {
  constructor(
    requested: string,
    readonly report: VerifySbomReport,
  ) {
    const failed = report.checks.filter((c) => c.status !== 'pass');
    const what = failed.map((c) => `${c.check}: ${c.code}`).join('; ');
    super(
      'SBOM_NOT_VERIFIED',
      `the release SBOM of ${report.version} did not verify (${what || 'no document'}); run kube-sbom verify-sbom ${requested} for the full report`,
      { kind: 'check' },
    );
  }
}
