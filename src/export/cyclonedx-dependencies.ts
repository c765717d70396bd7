// SPDX relationships to the CycloneDX dependency graph: each edge a `dependsOn` from the element that has, contains,
// describes or depends on the other. The relationship type is not kept (the ledger says so, per type).
import type { Relationship } from '../../parsers/model.js';
import type { NotExpressedLedger } from './not-expressed.js';

/** Types whose `from` depends on / holds `to`. */
const FORWARD = new Set(['DEPENDS_ON', 'CONTAINS', 'DESCRIBES', 'STATIC_LINK', 'DYNAMIC_LINK', 'HAS_PREREQUISITE']);
/** Types whose `to` depends on / holds `from`. */
const INVERSE = new Set([
  'DEPENDENCY_OF',
  'CONTAINED_BY',
  'DESCRIBED_BY',
  'BUILD_DEPENDENCY_OF',
  'DEV_DEPENDENCY_OF',
  'OPTIONAL_DEPENDENCY_OF',
  'PROVIDED_DEPENDENCY_OF',
  'TEST_DEPENDENCY_OF',
  'RUNTIME_DEPENDENCY_OF',
  'PREREQUISITE_FOR',
]);

export interface CdxDependency {
  ref: string;
  dependsOn: string[];
}

/** The edge a relationship becomes, as [dependent, dependency], or undefined when CycloneDX cannot hold it. */
export function dependencyEdge(r: Relationship, refs: ReadonlySet<string>): [string, string] | undefined {
  if (typeof r.to !== 'string') return undefined;
  const edge: [string, string] | undefined = FORWARD.has(r.type) ? [r.from, r.to] : INVERSE.has(r.type) ? [r.to, r.from] : undefined;
  if (!edge || !refs.has(edge[0]) || !refs.has(edge[1]) || edge[0] === edge[1]) return undefined;
  return edge;
}

export function cdxDependencies(relationships: readonly Relationship[], refs: ReadonlySet<string>, ledger: NotExpressedLedger): CdxDependency[] {
  const graph = new Map<string, Set<string>>();
  for (const r of relationships) {
    const example = `${r.from} ${r.type} ${typeof r.to === 'string' ? r.to : r.to.kind}`;
    const edge = dependencyEdge(r, refs);
    if (!edge) {
      const why =
        typeof r.to !== 'string'
          ? ['relationship to NONE or NOASSERTION', 'a dependency names a component']
          : !FORWARD.has(r.type) && !INVERSE.has(r.type)
            ? [`relationship ${r.type}`, 'CycloneDX dependencies say only "depends on"']
            : r.from === r.to
              ? ['relationship of an element to itself', 'a component cannot depend on itself']
              : ['relationship with an element outside the document', 'a dependency names a component of this BOM'];
      ledger.drop(why[0]!, example, why[1]!);
      continue;
    }
    if (r.type !== 'DEPENDS_ON') ledger.approximate(`relationship ${r.type}`, example, 'written as a dependsOn edge; the relationship type is not kept');
    if (r.comment) ledger.drop('relationship comment', example, 'no CycloneDX field for it');
    let targets = graph.get(edge[0]);
    if (!targets) graph.set(edge[0], (targets = new Set()));
    targets.add(edge[1]);
  }
  return [...graph].map(([ref, targets]) => ({ ref, dependsOn: [...targets] }));
}
