// verify-release's report as Markdown (a table for tickets and release notes), CSV (one row per artifact) and JUnit
// XML (one testcase per artifact, which CI systems show as test results). Pure: the CLI writes what these return.
import { XMLBuilder } from 'fast-xml-parser';
import { sanitizeLine } from '../common/sanitize.js';
import { toCsv } from './csv.js';

export interface ReleaseReportCheck {
  check: string;
  status: 'pass' | 'fail';
  code: string;
  message: string;
}

export interface ReleaseReportRow {
  kind: string;
  name: string;
  status: 'pass' | 'fail' | 'error';
  reason?: string;
  code?: string;
  checks: readonly ReleaseReportCheck[];
}

export interface ReleaseReportHead {
  version: string;
  sbomUrl: string;
  sbomVerified: boolean;
  sbomChecks: readonly ReleaseReportCheck[];
  /** The sentence that says what was selected. */
  selected: string;
  provenance?: { status: string; url: string; message: string };
}

const RESULT = { pass: 'pass', fail: 'FAIL', error: 'ERROR' } as const;
/** The SBOM as a row of its own: a run whose SBOM failed lists no artifact, and must not read as all green. */
function sbomRow(head: ReleaseReportHead): ReleaseReportRow {
  const failed = head.sbomChecks.find((c) => c.status === 'fail');
  return {
    kind: 'sbom',
    name: head.sbomUrl,
    status: head.sbomVerified ? 'pass' : 'fail',
    ...(head.sbomVerified
      ? {}
      : { reason: failed ? `${failed.check}: ${failed.message}` : 'the release SBOM did not verify', code: failed?.code ?? 'SBOM_NOT_VERIFIED' }),
    checks: head.sbomChecks,
  };
}

const mdCell = (text: string) => sanitizeLine(text).replace(/[\\|`*_[\]<>]/g, (c) => `\\${c}`);
/** The reason, then its code as inline code (codes are A-Z, 0-9 and _ only, so nothing in them needs escaping). */
const mdReason = (r: ReleaseReportRow) =>
  r.reason === undefined ? 'every check passed' : `${mdCell(r.reason)} \`${(r.code ?? 'FAILED').replace(/[^A-Z0-9_]/g, '')}\``;

export function releaseReportMarkdown(head: ReleaseReportHead, rows: readonly ReleaseReportRow[]): string {
  const all = [sbomRow(head), ...rows];
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  const lines = [
    `# Kubernetes ${mdCell(head.version)} release verification`,
    '',
    `Selected: ${mdCell(head.selected)}`,
    ...(head.provenance ? ['', `Provenance: ${mdCell(head.provenance.status)} (${mdCell(head.provenance.message)})`] : []),
    '',
    `${rows.length} artifact(s): ${count('pass')} verified, ${count('fail')} failed, ${count('error')} could not be checked${head.sbomVerified ? '' : '; the release SBOM did NOT verify'}`,
    '',
    '| Kind | Name | Result | Reason |',
    '| --- | --- | --- | --- |',
    ...all.map((r) => `| ${mdCell(r.kind)} | ${mdCell(r.name)} | ${RESULT[r.status]} | ${mdReason(r)} |`),
  ];
  return `${lines.join('\n')}\n`;
}

export const RELEASE_CSV_HEADER = ['kind', 'name', 'result', 'code', 'reason', 'checks'] as const;

export function releaseReportCsv(head: ReleaseReportHead, rows: readonly ReleaseReportRow[]): string {
  return toCsv(
    RELEASE_CSV_HEADER,
    [sbomRow(head), ...rows].map((r) => [r.kind, r.name, r.status, r.code ?? '', r.reason ?? '', r.checks.map((c) => `${c.check}=${c.status}`).join(' ')]),
  );
}

/** A JUnit testsuite: one testcase per artifact (classname its kind), a <failure> or <error> carrying the reason. */
export function releaseReportJunit(head: ReleaseReportHead, rows: readonly ReleaseReportRow[]): string {
  const all = [sbomRow(head), ...rows];
  const testcase = (r: ReleaseReportRow) => {
    const body = r.checks.map((c) => `${c.status.toUpperCase()} ${c.check}: ${sanitizeLine(c.message)} [${c.code}]`).join('\n');
    const outcome = { '@_message': sanitizeLine(r.reason ?? ''), '@_type': r.code ?? 'FAILED', '#text': body || sanitizeLine(r.reason ?? '') };
    return {
      '@_classname': `kube-sbom.verify-release.${r.kind}`,
      '@_name': sanitizeLine(r.name),
      ...(r.status === 'fail' ? { failure: outcome } : r.status === 'error' ? { error: outcome } : {}),
    };
  };
  const suite = {
    '@_name': `kube-sbom verify-release ${sanitizeLine(head.version)}`,
    '@_tests': all.length,
    '@_failures': all.filter((r) => r.status === 'fail').length,
    '@_errors': all.filter((r) => r.status === 'error').length,
    properties: {
      property: [
        { '@_name': 'selected', '@_value': sanitizeLine(head.selected) },
        ...(head.provenance ? [{ '@_name': 'provenance', '@_value': sanitizeLine(`${head.provenance.status}: ${head.provenance.message}`) }] : []),
      ],
    },
    testcase: all.map(testcase),
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true });
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, testsuites: { testsuite: suite } }) as string;
}
