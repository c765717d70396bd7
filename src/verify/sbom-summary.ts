// Parses the verified release SBOM and says what is in it; a document that does not parse fails the `sbom` check.
import { countElements, parseSbom, type ElementCounts } from '../../parsers/index.js';
import type { SpdxDocument } from '../../parsers/model.js';
import { sanitizeLine } from '../common/sanitize.js';
import { failed, passed, type ReleaseCheck } from './release-check.js';

export interface SbomSummary {
  format?: string;
  spdxVersion: string;
  name: string;
  documentNamespace: string;
  counts: ElementCounts;
  /** Image archives: `.tar` packages that CONTAIN layer packages (K8S-RELEASE.md). */
  images: number;
  diagnostics: { errors: number; warnings: number };
}

/** Parse failures that mean there is no document at all (the others are real-world deviations, reported as counts). */
const FATAL = new Set(['EMPTY_INPUT', 'UNKNOWN_FORMAT', 'INPUT_TOO_LARGE', 'INTERNAL_PARSER_ERROR']);

export function summariseSbom(bytes: Uint8Array, subject: string): { check: ReleaseCheck; summary?: SbomSummary; document?: SpdxDocument } {
  const result = parseSbom(bytes, { fileName: 'release.spdx' });
  const fatal = result.diagnostics.find((d) => d.severity === 'error' && (FATAL.has(d.code) || d.code.includes('ENCODING')));
  const doc = result.document;
  if (fatal || !result.format || !doc.spdxVersion) {
    const why = fatal ? `${fatal.code}: ${fatal.message}` : 'no SPDX version found';
    return { check: failed('sbom', subject, 'SBOM_UNPARSEABLE', `the verified file is not an SPDX document (${why})`) };
  }
  const summary: SbomSummary = {
    format: result.format,
    spdxVersion: doc.spdxVersion,
    name: doc.name,
    documentNamespace: doc.documentNamespace,
    counts: countElements(doc),
    images: countImages(doc),
    diagnostics: {
      errors: result.diagnostics.filter((d) => d.severity === 'error').length,
      warnings: result.diagnostics.filter((d) => d.severity === 'warning').length,
    },
  };
  const c = summary.counts;
  const message =
    `${summary.spdxVersion} ${summary.format} "${sanitizeLine(summary.name)}": ${c.packages} packages, ${c.files} files, ` +
    `${c.relationships} relationships, ${summary.images} images` +
    (summary.diagnostics.errors + summary.diagnostics.warnings > 0
      ? ` (${summary.diagnostics.errors} parse errors, ${summary.diagnostics.warnings} warnings; see kube-sbom validate)`
      : '');
  return { check: passed('sbom', subject, message), summary, document: doc };
}

function countImages(doc: SpdxDocument): number {
  const packages = new Map(doc.packages.map((p) => [p.spdxId, p]));
  const images = new Set<string>();
  for (const r of doc.relationships) {
    if (r.type !== 'CONTAINS' || typeof r.to !== 'string') continue;
    const from = packages.get(r.from);
    if (from && /\.tar$/.test(from.name) && packages.has(r.to)) images.add(r.from);
  }
  return images.size;
}
