// Invariants over random relationship graphs (fast-check): the outline expands every reachable element exactly
// once whatever the shape (cycles, self-loops, diamonds); a query with AND is the intersection of its terms.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentIndex } from '../../src/sbom/document-index.js';
import { buildOutline, type OutlineNode } from '../../src/sbom/outline.js';
import { query, runQuery } from '../../src/sbom/query.js';
import { parseQuery } from '../../src/sbom/query-parse.js';
import { RelationshipGraph } from '../../src/sbom/relationship-graph.js';
import { doc, pkg } from './build-model.js';

const TYPES = ['DESCRIBES', 'CONTAINS', 'DEPENDS_ON', 'CONTAINED_BY', 'GENERATED_FROM'];
const arbitraryDoc = fc
  .record({
    n: fc.integer({ min: 1, max: 12 }),
    edges: fc.array(fc.tuple(fc.integer({ min: -1, max: 11 }), fc.constantFrom(...TYPES), fc.integer({ min: 0, max: 11 })), { maxLength: 40 }),
  })
  .map(({ n, edges }) => {
    const id = (i: number) => (i < 0 ? 'SPDXRef-DOCUMENT' : `SPDXRef-p${i % n}`);
    return doc({
      packages: Array.from({ length: n }, (_, i) => pkg(`SPDXRef-p${i}`, `name${(i * 7) % 5}`)),
      relationships: edges.map(([from, type, to]) => `${id(from)} ${type} ${id(to)}`),
    });
  });

function walk(node: OutlineNode, visit: (n: OutlineNode) => void): void {
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    visit(n);
    stack.push(...n.children);
  }
}

describe('outline invariants', () => {
  it('expands each reachable element exactly once, and the rest are listed as unreached', () => {
    fc.assert(
      fc.property(arbitraryDoc, (d) => {
        const index = new DocumentIndex(d);
        const outline = buildOutline(index, new RelationshipGraph(index));
        const expanded = new Map<string, number>();
        walk(outline.root, (n) => {
          if (!n.repeat) expanded.set(n.id, (expanded.get(n.id) ?? 0) + 1);
          if (n.repeat) expect(n.children).toEqual([]);
        });
        for (const count of expanded.values()) expect(count).toBe(1);
        const all = d.packages.map((p) => p.spdxId);
        for (const id of all) expect(expanded.has(id) !== outline.unreached.includes(id)).toBe(true);
        // Deterministic: the same relationships in another order give the same tree.
        const shuffled = { ...d, relationships: [...d.relationships].reverse() };
        const again = new DocumentIndex(shuffled);
        expect(buildOutline(again, new RelationshipGraph(again))).toEqual(outline);
      }),
      { numRuns: 200 },
    );
  });
});

describe('query invariants', () => {
  it('a AND b is the intersection of a and b', () => {
    const terms = ['name:name1', 'name:^name[0-2]$', 'rel:DEPENDS_ON', 'rel:CONTAINS', 'depth:0', 'depth:2', 'type:package'];
    fc.assert(
      fc.property(arbitraryDoc, fc.constantFrom(...terms), fc.constantFrom(...terms), (d, a, b) => {
        const index = new DocumentIndex(d);
        const graph = new RelationshipGraph(index);
        const ids = (e: string) => query(e, index, graph).map((x) => x.spdxId);
        const both = ids(`${a} AND ${b}`);
        expect(both).toEqual(ids(a).filter((id) => ids(b).includes(id)));
        expect(ids(`${b} ${a}`)).toEqual(both);
      }),
      { numRuns: 200 },
    );
  });

  it('graph terms answered per element (searching upwards) equal the one-pass answer', () => {
    const terms = ['rel:DEPENDS_ON', 'rel:CONTAINS', 'depth:0', 'depth:1', 'depth:3', 'name:name[12]', 'type:package'];
    fc.assert(
      fc.property(arbitraryDoc, fc.subarray(terms, { minLength: 1 }), (d, chosen) => {
        const index = new DocumentIndex(d);
        const graph = new RelationshipGraph(index);
        const parsed = parseQuery(chosen.join(' '));
        const perElement = runQuery(parsed, index, graph, { perElementShare: Number.POSITIVE_INFINITY }).map((e) => e.spdxId);
        const onePass = runQuery(parsed, index, graph, { perElementShare: 0 }).map((e) => e.spdxId);
        expect(perElement).toEqual(onePass);
      }),
      { numRuns: 300 },
    );
  });
});
