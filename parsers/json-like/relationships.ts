// Relationships as listed, plus those implied by `documentDescribes` and package `hasFiles` (spdx tools-python rule:
// an implied relationship is added unless the same one or its inverse is already listed).
import { NOASSERTION, NONE, type Relationship } from '../model.js';
import type { ConvertContext } from './context.js';
import { RELATIONSHIP_KEYS, RELATIONSHIP_TYPE_SET } from './fields.js';
import { at, enumValue, objList, str, strList, type Obj } from './values.js';

export function convertRelationships(ctx: ConvertContext, value: unknown, path: string): Relationship[] {
  const list = objList(ctx, value, path);
  // Sized up front (a push-grown list of 100k relationships leaves its smaller copies behind in the old generation).
  const out: Relationship[] = new Array(list.length);
  let kept = 0;
  for (let i = 0; i < list.length; i++) {
    const obj = list[i]!;
    const rawFrom = obj.spdxElementId;
    const rawType = obj.relationshipType;
    const rawTo = obj.relatedSpdxElement;
    // Hot path: three strings and a known type, no path string built.
    const well = typeof rawFrom === 'string' && typeof rawTo === 'string' && typeof rawType === 'string' && RELATIONSHIP_TYPE_SET.has(rawType);
    const base = well ? '' : at(path, i);
    const from = well ? rawFrom : str(ctx, rawFrom, base, 'spdxElementId');
    const type = well ? rawType : enumValue(ctx, rawType, RELATIONSHIP_TYPE_SET, 'relationship type', base, 'relationshipType');
    const to = well ? rawTo : str(ctx, rawTo, base, 'relatedSpdxElement');
    if (from === undefined || type === undefined || to === undefined) {
      ctx.error('MISSING_REQUIRED_FIELD', 'relationship needs spdxElementId, relationshipType and relatedSpdxElement; ignored', base);
      continue;
    }
    const rel: Relationship = { from, type, to: to === 'NONE' ? NONE : to === 'NOASSERTION' ? NOASSERTION : to, comment: undefined, position: undefined };
    for (const key in obj) {
      if (key === 'comment') rel.comment = str(ctx, obj.comment, at(path, i), 'comment');
      else if (!RELATIONSHIP_KEYS.has(key)) ctx.warn(`${ctx.format}_UNKNOWN_FIELD`, `unknown field "${key}"; ignored`, at(at(path, i), key));
    }
    if (ctx.elementPositions) {
      const position = ctx.positionOf(at(path, i));
      if (position) rel.position = position;
    }
    out[kept++] = rel;
  }
  out.length = kept;
  return out;
}

const INVERSE: Record<string, string> = { DESCRIBES: 'DESCRIBED_BY', CONTAINS: 'CONTAINED_BY' };
const SEPARATOR = '\u0000';

/**
 * Appends DESCRIBES (document -> each described id) and CONTAINS (package -> each of its hasFiles) to `relationships`.
 * Only listed relationships of these four types can make an implied one redundant (usually few), and an implied
 * one can only repeat within its own list, so no document-wide index of implied relationships is built.
 */
export function addImpliedRelationships(
  ctx: ConvertContext,
  relationships: Relationship[],
  documentId: string,
  describes: unknown,
  packages: readonly Obj[],
): void {
  const hasFiles = packages.some((p) => p.hasFiles !== undefined);
  if (describes === undefined && !hasFiles) return;
  const listed = new Set<string>();
  for (const r of relationships) {
    if (typeof r.to === 'string' && (r.type === 'DESCRIBES' || r.type === 'DESCRIBED_BY' || r.type === 'CONTAINS' || r.type === 'CONTAINED_BY')) {
      listed.add(r.from + SEPARATOR + r.type + SEPARATOR + r.to);
    }
  }
  const implyAll = (from: string, type: 'DESCRIBES' | 'CONTAINS', targets: readonly string[]) => {
    // Repeats within one list (the official 2.3 example lists files twice) are added once.
    const local = targets.length > 16 ? new Set<string>() : undefined;
    for (let i = 0; i < targets.length; i++) {
      const to = targets[i]!;
      if (local ? local.has(to) : targets.indexOf(to) < i) continue;
      local?.add(to);
      if (listed.size > 0 && (listed.has(from + SEPARATOR + type + SEPARATOR + to) || listed.has(to + SEPARATOR + INVERSE[type] + SEPARATOR + from))) continue;
      relationships.push({ from, type, to });
    }
  };
  if (describes !== undefined) implyAll(documentId, 'DESCRIBES', strList(ctx, describes, 'documentDescribes'));
  if (!hasFiles) return;
  for (let i = 0; i < packages.length; i++) {
    const pkg = packages[i]!;
    if (pkg.hasFiles === undefined) continue;
    const pkgId = typeof pkg.SPDXID === 'string' ? pkg.SPDXID : '';
    implyAll(pkgId, 'CONTAINS', strList(ctx, pkg.hasFiles, at('packages', i), 'hasFiles'));
  }
}
