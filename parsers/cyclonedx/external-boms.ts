// The BOM's own externalReferences of type `bom` (other BOMs it refers to) as SPDX external document references, so
// that an SPDX document written as CycloneDX gets its DocumentRefs back; other types stay unread, as before.
import type { ConvertContext } from '../json-like/context.js';
import { at, objList } from '../json-like/values.js';
import type { ExternalDocumentRef } from '../model.js';
import { hashes } from './fields.js';

/** kube-sbom writes the DocumentRef id into the comment, `SPDX DocumentRef-x`. */
const DOCUMENT_REF = /^SPDX (DocumentRef-[A-Za-z0-9.-]+)$/;

export function externalBoms(ctx: ConvertContext, value: unknown): ExternalDocumentRef[] {
  const out: ExternalDocumentRef[] = [];
  const used = new Set<string>();
  const list = objList(ctx, value, 'externalReferences');
  for (let i = 0; i < list.length; i++) {
    const r = list[i]!;
    if (r.type !== 'bom' || typeof r.url !== 'string') continue;
    const named = typeof r.comment === 'string' ? DOCUMENT_REF.exec(r.comment)?.[1] : undefined;
    // Without a name of its own (or with one already taken), a numbered one: ids are unique in a document.
    let id = named && !used.has(named) ? named : undefined;
    for (let n = out.length + 1; id === undefined || used.has(id); n++) id = `DocumentRef-bom-${n}`;
    used.add(id);
    const checksum = r.hashes === undefined ? undefined : hashes(ctx, r.hashes, at(at('externalReferences', i), 'hashes'))[0];
    out.push({ id, documentNamespace: r.url, ...(checksum ? { checksum } : {}) });
  }
  return out;
}
