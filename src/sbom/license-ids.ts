// The license identifiers an element names, for `query license:ID` and the license columns: from the parsed
// expression where there is one, else from the text as written (an invalid expression still names its ids).
import type { Element, LicenseExpression, LicenseNode, Spdx } from '../../parsers/model.js';

const OPERATORS = new Set(['AND', 'OR', 'WITH']);

/** Every id (with `+` and exceptions), LicenseRef, NOASSERTION or NONE in the element's license fields. */
export function licenseIdsOf(element: Element): string[] {
  const values: (Spdx<LicenseExpression> | undefined)[] = [element.licenseConcluded];
  if (element.elementType === 'package') values.push(element.licenseDeclared, ...element.licenseInfoFromFiles);
  else if (element.elementType === 'file') values.push(...element.licenseInfoInFiles);
  else values.push(...element.licenseInfoInSnippets);
  const ids = new Set<string>();
  for (const value of values) for (const id of licenseIdsOfValue(value)) ids.add(id);
  return [...ids];
}

/** The expression as written, NOASSERTION / NONE as such, empty when absent. */
export function licenseText(value: Spdx<LicenseExpression> | undefined): string {
  return value === undefined ? '' : 'text' in value ? value.text : value.kind;
}

/** The ids one license field names (NOASSERTION / NONE as such), none when the field is absent. */
export function licenseIdsOfValue(value: Spdx<LicenseExpression> | undefined): string[] {
  if (value === undefined) return [];
  if (!('text' in value)) return [value.kind];
  if (value.parsed) return idsOfNode(value.parsed);
  return value.text.split(/[\s()]+/).filter((word) => word !== '' && !OPERATORS.has(word.toUpperCase()));
}

function idsOfNode(node: LicenseNode): string[] {
  switch (node.type) {
    case 'license':
      return [`${node.id}${node.orLater ? '+' : ''}`, ...(node.exception ? [node.exception] : [])];
    case 'licenseRef':
      return [node.documentRef ? `${node.documentRef}:${node.id}` : node.id];
    default:
      return [...idsOfNode(node.left), ...idsOfNode(node.right)];
  }
}
