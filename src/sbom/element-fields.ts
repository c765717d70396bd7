// The fields `query --fields` can print for an element, as plain strings (empty when the element has none).
import { CHECKSUM_ALGORITHMS, spdxValueText, type Checksum, type Element } from '../../parsers/model.js';
import { licenseText } from './license-ids.js';
import { purlsOf } from './query.js';

export const ELEMENT_FIELDS = [
  'spdxId',
  'type',
  'name',
  'version',
  'purl',
  'checksums',
  'fileName',
  'downloadLocation',
  'licenseConcluded',
  'licenseDeclared',
  'line',
] as const;
export type ElementField = (typeof ELEMENT_FIELDS)[number];
export const DEFAULT_FIELDS: readonly ElementField[] = ['type', 'spdxId', 'name', 'version'];

export function elementField(element: Element, field: ElementField): string {
  switch (field) {
    case 'spdxId':
      return element.spdxId;
    case 'type':
      return element.elementType;
    case 'name':
      return element.name ?? '';
    case 'version':
      return element.elementType === 'package' ? (element.version ?? '') : '';
    case 'purl':
      return [...purlsOf(element)].sort().join(' ');
    case 'checksums':
      return element.elementType === 'snippet'
        ? ''
        : sortChecksums(element.checksums)
            .map((c) => `${c.algorithm}:${c.value}`)
            .join(' ');
    case 'fileName':
      return element.elementType === 'package' ? (element.fileName ?? '') : element.elementType === 'file' ? element.name : '';
    case 'downloadLocation':
      return element.elementType === 'package' ? (spdxValueText(element.downloadLocation) ?? '') : '';
    case 'licenseConcluded':
      return licenseText(element.licenseConcluded);
    case 'licenseDeclared':
      return element.elementType === 'package' ? licenseText(element.licenseDeclared) : '';
    case 'line':
      return element.position ? String(element.position.line) : '';
  }
}

// Formats list checksums in different orders (RDF has no order); a fixed order keeps every format's output equal.
function sortChecksums(checksums: readonly Checksum[]): Checksum[] {
  const rank = (a: string) => {
    const i = (CHECKSUM_ALGORITHMS as readonly string[]).indexOf(a);
    return i < 0 ? CHECKSUM_ALGORITHMS.length : i;
  };
  return [...checksums].sort((a, b) => rank(a.algorithm) - rank(b.algorithm) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** Parses `--fields a,b` (case-insensitive); unknown names are reported together. */
export function parseFieldList(text: string): { fields: ElementField[]; unknown: string[] } {
  const fields: ElementField[] = [];
  const unknown: string[] = [];
  for (const raw of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const match = ELEMENT_FIELDS.find((f) => f.toLowerCase() === raw.toLowerCase());
    if (match) fields.push(match);
    else unknown.push(raw);
  }
  return { fields, unknown };
}
