// Parse errors of a document that was still read: said on stderr, not hidden (real release SBOMs deviate).
import type { Diagnostic } from '../../parsers/diagnostics.js';
import { formatDiagnostic } from '../../parsers/diagnostics.js';
import { warn } from './output.js';

const MAX_LISTED = 5;

export function printParseWarnings(label: string, diagnostics: readonly Diagnostic[]): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return;
  for (const d of errors.slice(0, MAX_LISTED)) warn(formatDiagnostic(d, label));
  const more = errors.length > MAX_LISTED ? ` (${errors.length - MAX_LISTED} more)` : '';
  warn(`${errors.length} parse error(s)${more}; results may be incomplete (kube-sbom validate ${label})`);
}
