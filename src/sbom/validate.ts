// Strict SPDX 2.x validation (and, for CycloneDX and SPDX 3, their own rules: validation/foreign.ts) as data: a parsed document (and the SPDX version to judge it by) in, diagnostics out.
// Pure: no I/O, no clock. The parsers are lenient; this is where the spec is applied to the letter.
import type { Diagnostic } from '../../parsers/diagnostics.js';
import type { SpdxDocument } from '../../parsers/model.js';
import { Validation, versionRules } from './validation/context.js';
import { checkAnnotations, checkDocument } from './validation/document.js';
import { checkElements } from './validation/elements.js';
import { checkForeignDocument } from './validation/foreign.js';
import { checkRelationships, checkUnanalyzedContents } from './validation/relationships.js';

export function validateDocument(doc: SpdxDocument, spdxVersion: string = doc.spdxVersion): Diagnostic[] {
  if (doc.spec !== undefined && doc.spec.name !== 'SPDX-2') {
    // CycloneDX and SPDX 3 are judged by their own rules, never by SPDX 2's.
    const foreign = new Validation(doc, versionRules(doc.spdxVersion));
    checkForeignDocument(foreign);
    return foreign.items;
  }
  const v = new Validation(doc, versionRules(spdxVersion));
  checkDocument(v);
  const declaredLicenses = new Set(doc.extractedLicensingInfos.map((e) => e.licenseId));
  const ids = checkElements(v, declaredLicenses);
  checkAnnotations(
    v,
    doc.annotations.filter((a) => a.spdxId === doc.spdxId),
    'annotations',
  );
  checkRelationships(v, ids);
  checkUnanalyzedContents(v);
  return v.items;
}

/**
 * Lenient-parser warnings that are schema violations (wrong JSON types, a string for a list, fields the schema
 * does not allow, lower-case enum values, actors without a type, misspelt checksum algorithms): errors when the
 * spec is applied strictly; so are bytes that are not valid in the document's encoding (the parser replaced them).
 */
const SCHEMA_VIOLATION =
  /^((JSON|YAML|XML)_(WRONG_TYPE|NOT_A_LIST|UNKNOWN_FIELD)|SPDX_VERSION_NOT_STRING|ENUM_SPELLING|ACTOR_FORMAT|CHECKSUM_ALGORITHM_SPELLING|INVALID_ENCODING)$/;

export function strictParseDiagnostics(parsed: readonly Diagnostic[]): Diagnostic[] {
  return parsed.map((d) => (d.severity === 'warning' && SCHEMA_VIOLATION.test(d.code) ? { ...d, severity: 'error' } : d));
}

const RANK = { info: 0, warning: 1, error: 2 } as const;

/**
 * Parse diagnostics plus validation diagnostics, without saying the same thing twice, ordered by position
 * (document-level ones first). Twins: the same code at the same path; or, when the parser gave no path (tag-value,
 * RDF), the same code and message, paired in document order. One diagnostic remains, with the higher severity,
 * the parser's wording and the parser's line and column.
 */
export function mergeDiagnostics(parsed: readonly Diagnostic[], validated: readonly Diagnostic[]): Diagnostic[] {
  const byPath = new Map<string, Diagnostic>();
  const byMessage = new Map<string, Diagnostic[]>();
  for (const d of parsed) {
    if (d.path !== undefined) {
      const k = `${d.code}\u0000${d.path}`;
      if (!byPath.has(k)) byPath.set(k, d);
    } else {
      const k = `${d.code}\u0000${d.message}`;
      const queue = byMessage.get(k);
      if (queue) queue.push(d);
      else byMessage.set(k, [d]);
    }
  }
  const merged = new Set<Diagnostic>();
  const out: Diagnostic[] = [];
  for (const d of validated) {
    let twin = d.path === undefined ? undefined : byPath.get(`${d.code}\u0000${d.path}`);
    if (twin && merged.has(twin)) twin = undefined;
    twin ??= byMessage.get(`${d.code}\u0000${d.message}`)?.shift();
    if (!twin) {
      out.push(d);
      continue;
    }
    merged.add(twin);
    out.push({
      ...d,
      message: twin.message,
      severity: RANK[twin.severity] > RANK[d.severity] ? twin.severity : d.severity,
      ...(twin.line !== undefined ? { line: twin.line, column: twin.column } : {}),
    });
  }
  const all = [...parsed.filter((d) => !merged.has(d)), ...out];
  // Stable sort: document-level (no line) first, then by line and column.
  return all
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.line ?? 0) - (b.d.line ?? 0) || (a.d.column ?? 0) - (b.d.column ?? 0) || a.i - b.i)
    .map((x) => x.d);
}

/** Gives validation diagnostics the line and column of their field path, where the source format can say. */
export function locateDiagnostics(
  diagnostics: readonly Diagnostic[],
  locate: ((path: string) => { line: number; column?: number } | undefined) | undefined,
): Diagnostic[] {
  if (!locate) return [...diagnostics];
  // Each lookup walks the text and caches what it saw; past this many, diagnostics keep the element's position.
  const MAX_LOCATED = 20_000;
  return diagnostics.map((d, i) => {
    const at = d.path === undefined || i >= MAX_LOCATED ? undefined : locate(d.path);
    return at ? { ...d, line: at.line, column: at.column } : d;
  });
}
