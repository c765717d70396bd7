// Plain-text report of verify-release: the SBOM's checks, one row per file (kind, name, result, reason), a summary.
import { sanitizeLine } from '../common/sanitize.js';
import type { VerifyReleaseFilesReport } from '../verify/verify-release.js';
import { formatReleaseChecks } from './release-report-text.js';

const RESULT = { pass: 'pass', fail: 'FAIL', error: 'ERROR' } as const;

export function formatReleaseReport(report: VerifyReleaseFilesReport, selectionNote: string): string {
  const lines = [`Kubernetes ${report.version} release SBOM ${sanitizeLine(report.sbomUrl)}`, ...formatReleaseChecks(report.sbomChecks)];
  if (!report.sbomVerified) {
    lines.push('NOT verified: the release SBOM (see the FAIL lines above); no file it lists was downloaded');
    return `${lines.join('\n')}\n`;
  }
  lines.push(selectionNote);
  const kindWidth = Math.max(4, ...report.files.map((f) => f.kind.length));
  const nameWidth = Math.max(4, ...report.files.map((f) => f.name.length));
  lines.push(`${'KIND'.padEnd(kindWidth)}  ${'NAME'.padEnd(nameWidth)}  RESULT  REASON`);
  for (const f of report.files) {
    const reason = f.reason === undefined ? 'every check passed' : `${sanitizeLine(f.reason)} [${f.code}]`;
    lines.push(`${f.kind.padEnd(kindWidth)}  ${sanitizeLine(f.name).padEnd(nameWidth)}  ${RESULT[f.status].padEnd(6)}  ${reason}`);
  }
  const count = (s: string) => report.files.filter((f) => f.status === s).length;
  lines.push(`${report.files.length} file(s): ${count('pass')} verified, ${count('fail')} failed, ${count('error')} could not be checked`);
  return `${lines.join('\n')}\n`;
}
