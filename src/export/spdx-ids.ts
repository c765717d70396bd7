// SPDX 2 requires SPDXIDs (`SPDXRef-[A-Za-z0-9.-]+`); a document read from CycloneDX keeps its bom-refs as ids. For
// SPDX JSON each such id is written as a safe, unique SPDXID (ForeignIds), the same wherever it appears. An SPDX
// document's own ids, even malformed ones, are its identity and are written as they are.
import { ForeignIds } from '../../parsers/foreign-ids.js';
import type { Annotation, SpdxDocument } from '../../parsers/model.js';
import { SPDX_ID } from '../sbom/validation/context.js';
import type { NotExpressedLedger } from './not-expressed.js';

export function withSpdxIds(doc: SpdxDocument, ledger: NotExpressedLedger): SpdxDocument {
  if (doc.spec?.name !== 'CycloneDX') return doc;
  const elements = [doc.packages, doc.files, doc.snippets].flat();
  const valid = (id: string) => SPDX_ID.test(id);
  if (valid(doc.spdxId) && elements.every((e) => valid(e.spdxId))) return doc;
  const ids = new ForeignIds();
  // SPDXIDs that are already valid are kept, so the made ones are numbered around them.
  for (const id of [doc.spdxId, ...elements.map((e) => e.spdxId)]) if (valid(id)) ids.reserve(id, id);
  const made = new Map<string, string>();
  const idOf = (id: string): string => {
    if (valid(id)) return id;
    let spdxId = made.get(id);
    if (spdxId === undefined) {
      made.set(id, (spdxId = ids.assign(id, 'Element')));
      ledger.approximate('id that is not an SPDXID', id, `written as an SPDXID made from it (${spdxId})`);
    }
    return spdxId;
  };
  const documentId = idOf(doc.spdxId);
  const elementIds = new Set(elements.map((e) => e.spdxId));
  // A relationship end that names no element (a dangling ref) is written as it is, for the reader to see.
  const endOf = (id: string) => (id === doc.spdxId ? documentId : elementIds.has(id) ? idOf(id) : id);
  const annotated = (list: readonly Annotation[]) => list.map((a) => ({ ...a, spdxId: endOf(a.spdxId) }));
  return {
    ...doc,
    spdxId: documentId,
    packages: doc.packages.map((p) => ({ ...p, spdxId: idOf(p.spdxId), annotations: annotated(p.annotations) })),
    files: doc.files.map((f) => ({ ...f, spdxId: idOf(f.spdxId), annotations: annotated(f.annotations) })),
    snippets: doc.snippets.map((s) => ({
      ...s,
      spdxId: idOf(s.spdxId),
      fromFile: endOf(s.fromFile),
      ranges: s.ranges.map((r) => (r.fileSpdxId === undefined ? r : { ...r, fileSpdxId: endOf(r.fileSpdxId) })),
      annotations: annotated(s.annotations),
    })),
    annotations: annotated(doc.annotations),
    relationships: doc.relationships.map((r) => ({ ...r, from: endOf(r.from), to: typeof r.to === 'string' ? endOf(r.to) : r.to })),
  };
}
