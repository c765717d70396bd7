// Relationships as listed, plus those implied by `documentDescribes` and package `hasFiles` (spdx tools-python rule:
// an implied relationship is added unless the same one or its inverse is already listed).
import { NOASSERTION, NONE, type Relationship } from '../model.js';
import type { ConvertContext } from './context.js';
import { RELATIONSHIP_KEYS, RELATIONSHIP_TYPE_SET } from './fields.js';
import { enumValue, objList, str, strList, type Obj } from './values.js';

export function convertRelationships(ctx: ConvertContext, value: unknown, path: string): Relationship[] {
  const list = objList(ctx, value, path);
  const out: Relationship[] = [];
  for (let i = 0; i < list.length; i++) {
    const obj = list[i]!;
    const base = `${path}[${i}]`;
    const from = str(ctx, obj.spdxElementId, `${base}.spdxElementId`);
    const type = enumValue(ctx, obj.relationshipType, RELATIONSHIP_TYPE_SET, 'relationship type', `${base}.relationshipType`);
    const to = str(ctx, obj.relatedSpdxElement, `${base}.relatedSpdxElement`);
    if (from === undefined || type === undefined || to === undefined) {
      ctx.error('MISSING_REQUIRED_FIELD', 'relationship needs spdxElementId, relationshipType and relatedSpdxElement; ignored', base);
      continue;
    }
    const rel: Relationship = { from, type, to: to === 'NONE' ? NONE : to === 'NOASSERTION' ? NOASSERTION : to };
    for (const key in obj) {
      if (key === 'comment') rel.comment = str(ctx, obj.comment, `${base}.comment`);
      else if (!RELATIONSHIP_KEYS.has(key)) ctx.warn(`${ctx.format}_UNKNOWN_FIELD`, `unknown field "${key}"; ignored`, `${base}.${key}`);
    }
    const position = ctx.positionOf(base);
    if (position) rel.position = position;
    out.push(rel);
  }
  return out;
}

const INVERSE: Record<string, string> = { DESCRIBES: 'DESCRIBED_BY', CONTAINS: 'CONTAINED_BY' };

function key(from: string, type: string, to: string): string {
  return `${from}\u0000${type}\u0000${to}`;
}

/** Appends DESCRIBES (document -> each described id) and CONTAINS (package -> each of its hasFiles) to `relationships`. */
export function addImpliedRelationships(
  ctx: ConvertContext,
  relationships: Relationship[],
  documentId: string,
  describes: unknown,
  packages: readonly Obj[],
): void {
  const implied: [string, string, string][] = [];
  for (const id of strList(ctx, describes, 'documentDescribes')) implied.push([documentId, 'DESCRIBES', id]);
  for (let i = 0; i < packages.length; i++) {
    const pkg = packages[i]!;
    if (pkg.hasFiles === undefined) continue;
    const pkgId = typeof pkg.SPDXID === 'string' ? pkg.SPDXID : '';
    for (const id of strList(ctx, pkg.hasFiles, `packages[${i}].hasFiles`)) implied.push([pkgId, 'CONTAINS', id]);
  }
  if (implied.length === 0) return;
  const seen = new Set<string>();
  for (const r of relationships) if (typeof r.to === 'string') seen.add(key(r.from, r.type, r.to));
  for (const [from, type, to] of implied) {
    if (seen.has(key(from, type, to)) || seen.has(key(to, INVERSE[type]!, from))) continue;
    seen.add(key(from, type, to));
    relationships.push({ from, type, to });
  }
}
