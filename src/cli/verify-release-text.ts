// Plain-text report of verify-release: the SBOM's checks, one row per artifact (kind, name, result, reason), a summary.
import { sanitizeLine } from '../common/sanitize.js';
import type { ProvenanceSummary } from '../verify/release-provenance.js';
import type { VerifyReleaseFilesReport } from '../verify/verify-release.js';
import type { ArtifactRow } from './verify-release-run.js';
import { formatReleaseChecks } from './release-report-text.js';

const RESULT = { pass: 'pass', fail: 'FAIL', error: 'ERROR' } as const;

export function formatReleaseReport(report: Omit<VerifyReleaseFilesReport, 'files'>, rows: ArtifactRow[], selectionNote: string, outDir?: string): string {
  const lines = [`Kubernetes ${report.version} release SBOM ${sanitizeLine(report.sbomUrl)}`, ...formatReleaseChecks(report.sbomChecks)];
  if (!report.sbomVerified) {
    lines.push('NOT verified: the release SBOM (see the FAIL lines above); nothing it lists was checked');
    return `${lines.join('\n')}\n`;
  }
  lines.push(`selected: ${selectionNote}`);
  if (report.provenance) lines.push(provenanceLine(report.provenance, rows));
  const kindWidth = Math.max(4, ...rows.map((f) => f.kind.length));
  const nameWidth = Math.max(4, ...rows.map((f) => f.name.length));
  lines.push(`${'KIND'.padEnd(kindWidth)}  ${'NAME'.padEnd(nameWidth)}  RESULT  REASON`);
  for (const f of rows) {
    const reason = f.reason === undefined ? 'every check passed' : `${sanitizeLine(f.reason)} [${f.code}]`;
    lines.push(`${f.kind.padEnd(kindWidth)}  ${sanitizeLine(f.name).padEnd(nameWidth)}  ${RESULT[f.status].padEnd(6)}  ${reason}`);
  }
  const count = (s: string) => rows.filter((f) => f.status === s).length;
  lines.push(`${rows.length} artifact(s): ${count('pass')} verified, ${count('fail')} failed, ${count('error')} could not be checked`);
  if (outDir !== undefined) {
    const kept = rows.filter((r) => 'saved' in r && r.saved !== undefined).length;
    lines.push(`kept in ${sanitizeLine(outDir)}: the ${kept} verified file(s), each with its signature files and NAME.sigstore.json`);
  }
  return `${lines.join('\n')}\n`;
}

/** `provenance: checked https://.../provenance.json (SLSA ..., 461 subject(s)); lists 3 of the 4 selected files`. */
function provenanceLine(p: ProvenanceSummary, rows: ArtifactRow[]): string {
  const files = rows.filter((r) => r.kind !== 'image');
  const listed = files.filter((r) => r.checks.some((c) => c.check === 'provenance')).length;
  const coverage = p.status === 'checked' ? `; lists ${listed} of the ${files.length} selected file(s)` : '';
  return `provenance: ${p.status} ${sanitizeLine(p.url)} (${sanitizeLine(p.message)})${coverage}`;
}
