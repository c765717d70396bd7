// SPDX 3 licences, which are elements of their own linked by hasDeclaredLicense / hasConcludedLicense
// relationships, back into the SPDX 2 expression text of the element they belong to.
import type { ConvertContext } from '../json-like/context.js';
import { license } from '../json-like/values.js';
import type { LicenseExpression, Spdx } from '../model.js';
import { typeOf, text, type Graph } from './graph.js';

const LISTED = /^https?:\/\/spdx\.org\/licenses\/([^/#]+?)(\.html)?$/;

/** The expression text a licence reference stands for, or undefined when it cannot be told. */
export function licenceText(graph: Graph, ref: unknown): string | undefined {
  if (typeof ref === 'string') {
    if (/\/NoAssertionLicense$/.test(ref)) return 'NOASSERTION';
    if (/\/NoneLicense$/.test(ref)) return 'NONE';
    const listed = LISTED.exec(ref);
    if (listed && !graph.has(ref)) return decodeURIComponent(listed[1]!);
  }
  const node = graph.resolve(ref);
  if (!node) return undefined;
  const type = typeOf(node);
  if (type === 'simplelicensing_LicenseExpression') return text(node.simplelicensing_licenseExpression);
  const id = text(node.spdxId);
  if (type === 'expandedlicensing_ListedLicense' && id) return LISTED.exec(id)?.[1] ?? text(node.name);
  if (type === 'expandedlicensing_CustomLicense' && id) {
    const tail = id.slice(Math.max(id.lastIndexOf('/'), id.lastIndexOf('#')) + 1);
    return tail.startsWith('LicenseRef-') ? tail : `LicenseRef-${(text(node.name) ?? tail).replace(/[^A-Za-z0-9.-]+/g, '-')}`;
  }
  // sbom-tool writes licences as plain elements (Element, AnyLicenseInfo) with the expression as the name.
  return text(node.name);
}

/** Several licence targets of one relationship type: all apply (AND). */
export function licenceValue(ctx: ConvertContext, texts: string[], path: string): Spdx<LicenseExpression> {
  const joined = texts.length === 1 ? texts[0]! : texts.map((t) => (/\s/.test(t) ? `(${t})` : t)).join(' AND ');
  // A string always gives a value: parsed once per document, warned about when it is not a valid expression.
  return license(ctx, joined, path)!;
}
