// License fields in RDF are node trees (ConjunctiveLicenseSet, DisjunctiveLicenseSet, WithExceptionOperator,
// OrLaterOperator, license URIs); the expression text is rebuilt from them and parsed like any other format's.
import { licenseFieldValue } from '../license-expression.js';
import type { LicenseExpression, Spdx } from '../model.js';
import type { RdfNode, RdfValue } from './graph.js';
import { LICENSES, SPDX, special, text, typeIs, values, type RdfReader } from './terms.js';

export function licenseOf(reader: RdfReader, value: RdfValue, owner: RdfNode): Spdx<LicenseExpression> {
  const written = expressionText(reader, value, 0);
  const result = licenseFieldValue(written ?? '');
  if (written === undefined) reader.warn('RDF_LICENSE_UNREADABLE', 'a license field holds a node that is not a license or license set', owner);
  else if (!('kind' in result) && !result.parsed) {
    reader.warn('LICENSE_EXPRESSION_INVALID', `${JSON.stringify(written.slice(0, 60))} is not a valid SPDX license expression; kept as text`, owner);
  }
  return result;
}

export function licensesOf(reader: RdfReader, node: RdfNode, predicate: string): Spdx<LicenseExpression>[] {
  return values(node, predicate).map((v) => licenseOf(reader, v, node));
}

export function optionalLicense(reader: RdfReader, node: RdfNode, predicate: string): Spdx<LicenseExpression> | undefined {
  const v = values(node, predicate)[0];
  return v ? licenseOf(reader, v, node) : undefined;
}

const MAX_DEPTH = 64;

function expressionText(reader: RdfReader, value: RdfValue, depth: number): string | undefined {
  if (value.literal !== undefined) return value.literal.trim();
  const node = value.node;
  const sp = special(node.key);
  if (sp) return sp.kind;
  if (depth > MAX_DEPTH) return undefined;
  const set = typeIs(node, 'ConjunctiveLicenseSet') ? ' AND ' : typeIs(node, 'DisjunctiveLicenseSet') ? ' OR ' : undefined;
  if (set) {
    const parts: string[] = [];
    for (const member of values(node, `${SPDX}member`)) {
      const part = expressionText(reader, member, depth + 1);
      if (part === undefined) return undefined;
      parts.push(member.node && isCompound(member.node) ? `(${part})` : part);
    }
    return parts.join(set);
  }
  if (typeIs(node, 'WithExceptionOperator')) {
    const member = values(node, `${SPDX}member`)[0];
    const exception = values(node, `${SPDX}licenseException`)[0];
    const license = member && expressionText(reader, member, depth + 1);
    const exceptionId = exception?.node ? (text(exception.node, `${SPDX}licenseExceptionId`) ?? localName(exception.node.key)) : exception?.literal;
    return license && exceptionId ? `${license} WITH ${exceptionId}` : undefined;
  }
  if (typeIs(node, 'OrLaterOperator')) {
    const member = values(node, `${SPDX}member`)[0];
    const license = member && expressionText(reader, member, depth + 1);
    return license ? `${license}+` : undefined;
  }
  return licenseId(reader, node);
}

function isCompound(node: RdfNode): boolean {
  return typeIs(node, 'ConjunctiveLicenseSet') || typeIs(node, 'DisjunctiveLicenseSet');
}

/** A listed license (`http://spdx.org/licenses/MIT`), or a LicenseRef in this or another document. */
function licenseId(reader: RdfReader, node: RdfNode): string | undefined {
  const declared = text(node, `${SPDX}licenseId`);
  if (node.blank) return declared;
  if (node.key.startsWith(LICENSES)) return declared ?? node.key.slice(LICENSES.length);
  if (node.key.includes('#')) return reader.idOf(node.key);
  return declared ?? node.key;
}

function localName(uri: string): string {
  const cut = Math.max(uri.lastIndexOf('#'), uri.lastIndexOf('/'));
  return uri.slice(cut + 1);
}
