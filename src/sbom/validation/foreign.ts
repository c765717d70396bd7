// Validation of documents read from CycloneDX or SPDX 3: the structural rules those specs define were applied by
// their readers (required fields, unique bom-refs and ids, references that resolve, known hash algorithms); here
// the rules that need the whole model: hash values of the right length, the SPDX 3 date form. SPDX 2 rules
// (dataLicense, downloadLocation, SPDXID forms...) do not apply to them.
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
