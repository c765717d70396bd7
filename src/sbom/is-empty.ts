// Whether a parse yielded a document at all, asked the same way by every reader (inspect, the commands, the UI).
import type { SpdxDocument } from '../../parsers/model.js';

/** No version, no name, no element and no relationship: nothing was read. */
export function isEmptyDocument(doc: SpdxDocument): boolean {
  return !doc.spdxVersion && !doc.name && doc.packages.length + doc.files.length + doc.snippets.length + doc.relationships.length === 0;
}
