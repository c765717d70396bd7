// What `kube-sbom validate` prints: one JSON document, or one line per diagnostic plus a summary line.
import type { Diagnostic } from '../../parsers/diagnostics.js';
import type { SbomFormat } from '../../parsers/model.js';
import { sanitizeLine } from '../common/sanitize.js';

export interface ValidateReport {
  valid: boolean;
  format: SbomFormat | null;
  spdxVersion: string | null;
  diagnostics: { severity: string; code: string; message: string; line: number | null; column: number | null; path: string | null }[];
}

/** Valid means no errors; with strictWarnings, no warnings either. */
export function buildValidateReport(
  format: SbomFormat | undefined,
  spdxVersion: string,
  diagnostics: readonly Diagnostic[],
  strictWarnings: boolean,
): ValidateReport {
  const failing = diagnostics.some((d) => d.severity === 'error' || (strictWarnings && d.severity === 'warning'));
  return {
    valid: !failing,
    format: format ?? null,
    spdxVersion: spdxVersion || null,
    diagnostics: diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      line: d.line ?? null,
      column: d.column ?? null,
      path: d.path ?? null,
    })),
  };
}

/** `file:line:col: severity CODE message (at path)`, the form editors and CI logs recognise. */
export function renderValidateText(file: string, report: ValidateReport): string {
  const lines = report.diagnostics.map((d) => {
    const where = [file, d.line, d.line !== null ? d.column : null].filter((x) => x !== null).join(':');
    return sanitizeLine(`${where}: ${d.severity} ${d.code} ${d.message}${d.path ? ` (at ${d.path})` : ''}`);
  });
  const count = (s: string) => report.diagnostics.filter((d) => d.severity === s).length;
  const what = `${report.format ?? 'unknown format'}, ${report.spdxVersion ?? 'no spdxVersion'}`;
  lines.push(sanitizeLine(`${file}: ${report.valid ? 'valid' : 'INVALID'} (${what}): ${count('error')} errors, ${count('warning')} warnings`));
  return `${lines.join('\n')}\n`;
}
