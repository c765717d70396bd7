// The relationship tree from the document down: deterministic order, each element expanded once, cycles safe.
import type { DocumentIndex } from './document-index.js';
import { elementName } from './document-index.js';
import type { NodeKind, RelationshipGraph } from './relationship-graph.js';

export interface OutlineNode {
  id: string;
  kind: NodeKind;
  name?: string;
  /** The relationship type that leads here from the parent (absent on the root). */
  via?: string;
  /** Already expanded earlier in the tree: shown, not expanded again. */
  repeat?: true;
  /** Children left out because of the depth limit. */
  omitted?: number;
  children: OutlineNode[];
}

export interface Outline {
  root: OutlineNode;
  /** Elements no path from the document reaches, sorted by SPDXID. */
  unreached: string[];
}

interface Child {
  via: string;
  id: string;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
// What the document describes and what things contain read first; other relationship types alphabetically.
const TYPE_RANK: Record<string, number> = { DESCRIBES: 0, CONTAINS: 1 };
const compareTypes = (a: string, b: string) => (TYPE_RANK[a] ?? 2) - (TYPE_RANK[b] ?? 2) || compare(a, b);

export function buildOutline(index: DocumentIndex, graph: RelationshipGraph, options: { depth?: number } = {}): Outline {
  const maxDepth = options.depth ?? Number.POSITIVE_INFINITY;
  const label = (id: string) => {
    const element = index.get(id);
    return element ? elementName(element) : id === index.documentId ? index.document.name : undefined;
  };
  const childrenOf = (id: string): Child[] =>
    graph.children(id).sort((a, b) => compareTypes(a.via, b.via) || compare(label(a.id) ?? '', label(b.id) ?? '') || compare(a.id, b.id));
  const makeNode = (id: string, via?: string): OutlineNode => {
    const name = label(id);
    return { id, kind: graph.kindOf(id), ...(name !== undefined ? { name } : {}), ...(via ? { via } : {}), children: [] };
  };

  const root = makeNode(index.documentId);
  const expanded = new Set<string>();
  // Preorder depth-first with an explicit stack (long chains cannot overflow the call stack); a node is expanded
  // where it first appears in print order, later appearances are marked as repeats.
  const stack: { node: OutlineNode; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (expanded.has(node.id)) {
      node.repeat = true;
      continue;
    }
    const children = childrenOf(node.id);
    if (depth >= maxDepth) {
      if (children.length > 0) node.omitted = children.length;
      continue;
    }
    expanded.add(node.id);
    for (const child of children) node.children.push(makeNode(child.id, child.via));
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, depth: depth + 1 });
  }
  const reached = reachable(root.id, graph);
  const unreached = [...new Set(index.elements().map((e) => e.spdxId))].filter((id) => !reached.has(id)).sort(compare);
  return { root, unreached };
}

function reachable(start: string, graph: RelationshipGraph): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    graph.forEachChild(queue[i]!, (_via, child) => {
      if (!seen.has(child)) {
        seen.add(child);
        queue.push(child);
      }
    });
  }
  return seen;
}
