// Validation of documents read from CycloneDX or SPDX 3: the structural rules those specs define were applied by
// their readers (required fields, unique SPDX 3 ids, known hash algorithms); here the rules that need the whole
// model: unique bom-refs and dependencies that name elements, hash values of the right length, the SPDX 3 date
// form. SPDX 2 rules (dataLicense, downloadLocation, SPDXID forms...) do not apply to them.
import { CHECKSUM_ALGORITHMS, type Element } from '../../../parsers/model.js';
import { checkChecksum } from './checksums.js';
import { q, STRICT_DATE, type Validation } from './context.js';

const KNOWN = new Set<string>(CHECKSUM_ALGORITHMS);

export function checkForeignDocument(v: Validation): void {
  const doc = v.doc;
  // SPDX 3 DateTime is UTC with a Z; CycloneDX allows any xs:dateTime offset.
  const created = doc.creationInfo.created;
  if (doc.spec?.name === 'SPDX-3' && created !== undefined && !STRICT_DATE.test(created))
    v.error('DATE_FORMAT', `created ${q(created)} is not in the form YYYY-MM-DDThh:mm:ssZ that SPDX 3 requires`);
  if (doc.spec?.name === 'CycloneDX') checkBomRefs(v);
  const elements: readonly Element[][] = [doc.packages as Element[], doc.files as Element[]];
  for (const list of elements) {
    for (const element of list) {
      if (element.elementType === 'snippet') continue;
      for (const sum of element.checksums) {
        // An unknown algorithm was reported by the reader already.
        if (!KNOWN.has(sum.algorithm)) continue;
        const before = v.items.length;
        checkChecksum(v, sum, undefined, element.position);
        // Say which element: these documents have no field paths in the model.
        for (let i = before; i < v.items.length; i++) v.items[i] = { ...v.items[i]!, message: `${element.spdxId}: ${v.items[i]!.message}` };
      }
    }
  }
}

/** Each bom-ref names one element, and every dependency names elements of the BOM (the reader kept them as written). */
function checkBomRefs(v: Validation): void {
  const doc = v.doc;
  const ids = new Set<string>([doc.spdxId]);
  for (const element of [...doc.packages, ...doc.files]) {
    if (ids.has(element.spdxId))
      v.error('CYCLONEDX_DUPLICATE_BOM_REF', `bom-ref ${q(element.spdxId)} is used by more than one element; it must be unique`, undefined, element.position);
    ids.add(element.spdxId);
  }
  for (const r of doc.relationships) {
    const to = typeof r.to === 'string' ? r.to : undefined;
    for (const end of [r.from, to]) {
      if (end !== undefined && !ids.has(end))
        v.error(
          'CYCLONEDX_UNKNOWN_REF',
          `the dependency ${q(r.from)} -> ${q(to ?? '')} names ${q(end)}, which is no component or service bom-ref`,
          undefined,
          r.position,
        );
    }
  }
}
