// Properties of the model: what a CycloneDX or SPDX 3 source said that SPDX 2 has no field for (group, scope, type,
// the generating tool's own properties). Writers list the ones they leave out, so no loss is silent.
import type { Element, Property, SpdxDocument } from '../../parsers/model.js';

/** `syft:location:0:path` is listed as `syft:location:*`: one line per family of names, not one per name. */
export function propertyKind(name: string): string {
  const segments = name.split(':');
  return segments.length > 2 ? `${segments.slice(0, 2).join(':')}:*` : name;
}

/** A CycloneDX component type that the element's kind or primaryPackagePurpose already states exactly. */
export function typeStatedByModel(element: Element, p: Property): boolean {
  if (p.name !== 'cyclonedx:type') return false;
  if (element.elementType === 'file') return p.value === 'file';
  return element.elementType === 'package' && element.primaryPackagePurpose?.toLowerCase() === p.value;
}

/** The CycloneDX serial number the reader made the document namespace (both writers keep the namespace). */
export function serialIsNamespace(doc: SpdxDocument, p: Property): boolean {
  return p.name === 'cyclonedx:serialNumber' && p.value === doc.documentNamespace;
}
