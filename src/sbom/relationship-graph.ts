// Relationships as a graph in both directions; targets outside the document stay nodes of their own kind.
import { isNoAssertion, isNone, type Relationship } from '../../parsers/model.js';
import type { DocumentIndex } from './document-index.js';

export type NodeKind = 'document' | 'package' | 'file' | 'snippet' | 'external' | 'none' | 'noassertion' | 'missing';

export interface Edge {
  from: string;
  type: string;
  /** An SPDXID, `DocumentRef-x:SPDXRef-y`, or the keys NONE / NOASSERTION. */
  to: string;
  relationship: Relationship;
}

// Inverse forms written towards a node count as that node's own forward relationships.
const INVERSES = new Map<string, string>([['DESCRIBED_BY', 'DESCRIBES'], ['CONTAINED_BY', 'CONTAINS']]);

const EMPTY: readonly Edge[] = Object.freeze([]);

/** The node key a relationship target stands for. */
export function targetKey(to: Relationship['to']): string {
  if (isNone(to)) return 'NONE';
  if (isNoAssertion(to)) return 'NOASSERTION';
  return to;
}

export class RelationshipGraph {
  private readonly out = new Map<string, Edge[]>();
  private readonly inc = new Map<string, Edge[]>();
  readonly edges: Edge[] = [];

  constructor(private readonly index: DocumentIndex) {
    for (const relationship of index.document.relationships) {
      const edge: Edge = { from: relationship.from, type: relationship.type, to: targetKey(relationship.to), relationship };
      this.edges.push(edge);
      push(this.out, edge.from, edge);
      push(this.inc, edge.to, edge);
    }
  }

  outgoing(id: string, type?: string): readonly Edge[] {
    const list = this.out.get(id) ?? EMPTY;
    return type === undefined ? list : list.filter((e) => e.type === type);
  }

  incoming(id: string, type?: string): readonly Edge[] {
    const list = this.inc.get(id) ?? EMPTY;
    return type === undefined ? list : list.filter((e) => e.type === type);
  }

  /** Targets of `id`'s relationships of one type, in document order. */
  targets(id: string, type: string): string[] {
    return this.outgoing(id, type).map((e) => e.to);
  }

  /** Elements `id` holds by CONTAINS or is held by through CONTAINED_BY (the inverse form). */
  contained(id: string): string[] {
    const result = new Set(this.targets(id, 'CONTAINS'));
    for (const e of this.incoming(id, 'CONTAINED_BY')) result.add(e.from);
    return [...result];
  }

  /** Elements the document describes: DESCRIBES from the document, DESCRIBED_BY pointing at it. */
  described(): string[] {
    const doc = this.index.documentId;
    const result = new Set(this.targets(doc, 'DESCRIBES'));
    for (const e of this.incoming(doc, 'DESCRIBED_BY')) result.add(e.from);
    result.delete('NONE');
    result.delete('NOASSERTION');
    return [...result];
  }

  /**
   * Downward neighbours of a node: its own relationships, plus DESCRIBED_BY / CONTAINED_BY written towards it,
   * read as DESCRIBES / CONTAINS. Each (type, target) pair once, in document order.
   */
  children(id: string): { via: string; id: string }[] {
    const list: { via: string; id: string }[] = [];
    const seen = new Set<string>();
    const add = (via: string, target: string) => {
      const key = `${via}\u0000${target}`;
      if (!seen.has(key)) {
        seen.add(key);
        list.push({ via, id: target });
      }
    };
    for (const e of this.out.get(id) ?? EMPTY) if (!INVERSES.has(e.type)) add(e.type, e.to);
    for (const e of this.inc.get(id) ?? EMPTY) {
      const forward = INVERSES.get(e.type);
      if (forward) add(forward, e.from);
    }
    return list;
  }

  /** Relationship types an element takes part in, either side. */
  hasRelationship(id: string, type: string): boolean {
    return this.outgoing(id).some((e) => e.type === type) || this.incoming(id).some((e) => e.type === type);
  }

  kindOf(id: string): NodeKind {
    if (id === 'NONE') return 'none';
    if (id === 'NOASSERTION') return 'noassertion';
    if (id === this.index.documentId) return 'document';
    const element = this.index.get(id);
    if (element) return element.elementType;
    return isExternalId(id) ? 'external' : 'missing';
  }
}

/** `DocumentRef-x:SPDXRef-y`: an element of another document. */
export function isExternalId(id: string): boolean {
  return id.startsWith('DocumentRef-') && id.includes(':');
}

function push(map: Map<string, Edge[]>, key: string, edge: Edge): void {
  const list = map.get(key);
  if (list) list.push(edge);
  else map.set(key, [edge]);
}
