// What `kube-sbom inspect` prints: the JSON report (ARCHITECTURE.md shape plus document facts) and a short text form.
import type { ElementCounts } from '../../parsers/counts.js';
import { formatDiagnostic, type Diagnostic } from '../../parsers/diagnostics.js';
import type { SbomFormat, SpdxDocument, Actor } from '../../parsers/model.js';
import { sanitizeLine } from '../common/sanitize.js';

export interface InspectReport {
  file: string;
  format: SbomFormat | null;
  /** Which specification was read (SPDX-2, SPDX-3, CycloneDX) and its version. */
  spec: { name: string; version: string };
  spdxVersion: string;
  name: string;
  spdxId: string;
  documentNamespace: string;
  dataLicense: string | null;
  created: string | null;
  creators: string[];
  externalDocumentRefs: { id: string; documentNamespace: string }[];
  /** Document facts with no SPDX 2 field (CycloneDX serial number, lifecycles, metadata properties, ...). */
  properties: { name: string; value: string }[];
  counts: ElementCounts;
  summary: { errors: number; warnings: number; infos: number };
  diagnostics: { severity: string; code: string; message: string; line: number | null; column: number | null; path?: string }[];
}

export function actorText(a: Actor): string {
  return `${a.type}: ${a.name}${a.email ? ` (${a.email})` : ''}`;
}

export function buildInspectReport(
  file: string,
  result: { format: SbomFormat | undefined; document: SpdxDocument; diagnostics: Diagnostic[] },
  counts: ElementCounts,
): InspectReport {
  const doc = result.document;
  const tally = { errors: 0, warnings: 0, infos: 0 };
  for (const d of result.diagnostics) {
    if (d.severity === 'error') tally.errors++;
    else if (d.severity === 'warning') tally.warnings++;
    else tally.infos++;
  }
  return {
    file,
    format: result.format ?? null,
    spec: doc.spec ?? { name: 'SPDX-2', version: doc.spdxVersion.replace(/^SPDX-/, '') },
    spdxVersion: doc.spdxVersion,
    name: doc.name,
    spdxId: doc.spdxId,
    documentNamespace: doc.documentNamespace,
    dataLicense: doc.dataLicense ?? null,
    created: doc.creationInfo.created ?? null,
    creators: doc.creationInfo.creators.map(actorText),
    externalDocumentRefs: doc.externalDocumentRefs.map((r) => ({ id: r.id, documentNamespace: r.documentNamespace })),
    properties: (doc.properties ?? []).map((p) => ({ name: p.name, value: p.value })),
    counts,
    summary: tally,
    diagnostics: result.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      line: d.line ?? null,
      column: d.column ?? null,
      ...(d.path ? { path: d.path } : {}),
    })),
  };
}

/** Document properties beyond this many are summarised in text output. */
const TEXT_PROPERTY_LIMIT = 10;
/** Diagnostics beyond this many are summarised in text output (--json has them all). */
const TEXT_DIAGNOSTIC_LIMIT = 200;
/** A code repeated more often than this (one missing field on every file) is summarised after this many. */
const TEXT_PER_CODE_LIMIT = 20;

export function renderInspectText(report: InspectReport, diagnostics: readonly Diagnostic[]): string {
  const c = report.counts;
  const s = report.summary;
  const clean = (v: string) => sanitizeLine(v);
  const lines = [
    `${clean(report.file)}: ${clean(report.spdxVersion || 'unknown SPDX version')} ${report.format ?? ''}, ${JSON.stringify(clean(report.name))}`,
    `  namespace      ${clean(report.documentNamespace || '(none)')}`,
    `  created        ${clean(report.created ?? '(unknown)')}${report.creators.length ? ` by ${clean(report.creators.join(', '))}` : ''}`,
    `  elements       ${c.packages} packages, ${c.files} files, ${c.snippets} snippets`,
    `  relationships  ${c.relationships}; annotations ${c.annotations}; extracted licenses ${c.extractedLicenses}`,
    `  diagnostics    ${s.errors} errors, ${s.warnings} warnings, ${s.infos} notes`,
  ];
  for (const p of report.properties.slice(0, TEXT_PROPERTY_LIMIT)) lines.splice(lines.length - 1, 0, `  ${clean(p.name)}  ${clean(p.value)}`);
  if (report.properties.length > TEXT_PROPERTY_LIMIT)
    lines.splice(lines.length - 1, 0, `  ... and ${report.properties.length - TEXT_PROPERTY_LIMIT} more properties (--json lists them)`);
  const { shown, hiddenByCode } = briefDiagnostics(diagnostics);
  for (const d of shown.slice(0, TEXT_DIAGNOSTIC_LIMIT)) lines.push(clean(formatDiagnostic(d, report.file)));
  for (const [code, count] of hiddenByCode) lines.push(`... and ${count} more ${code} (--json lists them all)`);
  if (shown.length > TEXT_DIAGNOSTIC_LIMIT) lines.push(`... and ${shown.length - TEXT_DIAGNOSTIC_LIMIT} more (--json lists them all)`);
  return `${lines.join('\n')}\n`;
}

/** The first TEXT_PER_CODE_LIMIT diagnostics of each code, in document order, and how many of each were left out. */
function briefDiagnostics(diagnostics: readonly Diagnostic[]): { shown: Diagnostic[]; hiddenByCode: Map<string, number> } {
  const seen = new Map<string, number>();
  const hiddenByCode = new Map<string, number>();
  const shown: Diagnostic[] = [];
  for (const d of diagnostics) {
    const count = (seen.get(d.code) ?? 0) + 1;
    seen.set(d.code, count);
    if (count <= TEXT_PER_CODE_LIMIT) shown.push(d);
    else hiddenByCode.set(d.code, (hiddenByCode.get(d.code) ?? 0) + 1);
  }
  return { shown, hiddenByCode };
}
