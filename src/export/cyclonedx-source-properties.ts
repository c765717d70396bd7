// An element's model properties back into CycloneDX: what the CycloneDX reader kept as `cyclonedx:*` facts returns
// to its component field, the source's own properties (and SPDX 3 facts) stay properties; the rest is listed.
import type { Element } from '../../parsers/model.js';
import type { NotExpressedLedger } from './not-expressed.js';
import { propertyKind } from './source-properties.js';

type TextField = 'group' | 'publisher' | 'scope' | 'author';
const FIELDS: Readonly<Record<string, TextField>> = {
  'cyclonedx:group': 'group',
  'cyclonedx:publisher': 'publisher',
  'cyclonedx:scope': 'scope',
  'cyclonedx:author': 'author',
};
// The component types and scopes of bom-1.6.schema.json: anything else would make the BOM invalid.
const TYPES = new Set([
  'application',
  'framework',
  'library',
  'container',
  'platform',
  'operating-system',
  'device',
  'device-driver',
  'firmware',
  'file',
  'machine-learning-model',
  'data',
  'cryptographic-asset',
]);
const SCOPES = new Set(['required', 'optional', 'excluded']);

export interface CdxSourceFields extends Partial<Record<TextField, string>> {
  /** The component type the source wrote, for when primaryPackagePurpose has none (platform, data, ...). */
  type?: string;
  properties?: { name: string; value: string }[];
}

export function cdxSourceFields(element: Element, ledger: NotExpressedLedger): CdxSourceFields {
  const out: CdxSourceFields = {};
  const properties: { name: string; value: string }[] = [];
  for (const p of element.properties ?? []) {
    const field = FIELDS[p.name];
    if (field && out[field] === undefined && (field !== 'scope' || SCOPES.has(p.value))) out[field] = p.value;
    else if (p.name === 'cyclonedx:type' && TYPES.has(p.value)) out.type ??= p.value;
    else if (p.name === 'cyclonedx:element' && p.value === 'service') ledger.approximate('service', element.spdxId, 'written as a component');
    else if (p.name.startsWith('cyclonedx:'))
      ledger.drop(`${element.elementType} ${propertyKind(p.name)}`, element.spdxId, 'this export does not carry it over');
    else properties.push({ name: p.name, value: p.value });
  }
  return properties.length > 0 ? { ...out, properties } : out;
}
