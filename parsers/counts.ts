// The element counts `inspect` shows and tests compare with spdx tools-python.
import type { SpdxDocument } from './model.js';

export interface ElementCounts {
  packages: number;
  files: number;
  snippets: number;
  relationships: number;
  annotations: number;
  extractedLicenses: number;
}

/** Counts as tools-python reports them: relationships include those implied by tag-value file order and by JSON/YAML/XML documentDescribes/hasFiles (the parsers add those). */
export function countElements(doc: SpdxDocument): ElementCounts {
  return {
    packages: doc.packages.length,
    files: doc.files.length,
    snippets: doc.snippets.length,
    relationships: doc.relationships.length,
    annotations: doc.annotations.length,
    extractedLicenses: doc.extractedLicensingInfos.length,
  };
}
