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

/** Where Kubernetes says a release SBOM lives; the signed document names it, whichever mirror served it. */
export const releaseSbomNamespace = (version: string) => `https://sbom.k8s.io/${version}/release`;

/**
 * Parses the verified bytes and checks they are the release SBOM of `version`: a correctly signed SBOM of another
 * release served under this version's URL (a substitution or downgrade) fails with SBOM_VERSION_MISMATCH.
 */
export function summariseSbom(bytes: Uint8Array, subject: string, version: string): { check: ReleaseCheck; summary?: SbomSummary; document?: SpdxDocument } {
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
  const expected = releaseSbomNamespace(version);
  if (doc.documentNamespace !== expected) {
    const check = failed(
      'sbom',
      subject,
      'SBOM_VERSION_MISMATCH',
      `the document is "${sanitizeLine(doc.name)}" with namespace ${sanitizeLine(doc.documentNamespace)}, not ${expected}: ` +
        'it is not the release SBOM of the version asked for',
    );
    return { check, summary, document: doc };
  }
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
