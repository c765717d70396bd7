// Runs a parsed query over a document: every term must hold (AND); results sorted by kind then SPDXID.
import type { Element } from '../../parsers/model.js';
import { licenseIdsOf } from './license-ids.js';
import type { DocumentIndex } from './document-index.js';
import { parseQuery, type QueryTerm } from './query-parse.js';
import type { RelationshipGraph } from './relationship-graph.js';

const KIND_ORDER: Record<Element['elementType'], number> = { package: 0, file: 1, snippet: 2 };

type Predicate = (element: Element) => boolean;

/** Package URLs of a package (external refs of type purl), as written. */
export function purlsOf(element: Element): string[] {
  if (element.elementType !== 'package') return [];
  return element.externalRefs.filter((r) => r.type.toLowerCase() === 'purl').map((r) => r.locator);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Hop distance from the described elements (distance 0), following relationships downwards, up to `limit`. */
export function hopsFromDescribed(graph: RelationshipGraph, limit: number): Map<string, number> {
  const distance = new Map<string, number>();
  let frontier = graph.described();
  for (const id of frontier) distance.set(id, 0);
  for (let hop = 1; hop <= limit && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const id of frontier) {
      graph.forEachChild(id, (_via, child) => {
        if (!distance.has(child)) {
          distance.set(child, hop);
          next.push(child);
        }
      });
    }
    frontier = next;
  }
  return distance;
}

/** Whether `id` is within `limit` hops below a described element, searched upwards from `id` (for few candidates). */
function withinHopsUpwards(graph: RelationshipGraph, described: Set<string>, id: string, limit: number): boolean {
  if (described.has(id)) return true;
  const seen = new Set<string>([id]);
  let frontier = [id];
  for (let hop = 1; hop <= limit && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const node of frontier) {
      let found = false;
      graph.forEachParent(node, (_via, parent) => {
        if (found || seen.has(parent)) return;
        if (described.has(parent)) found = true;
        seen.add(parent);
        next.push(parent);
      });
      if (found) return true;
    }
    frontier = next;
  }
  return false;
}

function compile(term: QueryTerm, graph: RelationshipGraph): Predicate {
  switch (term.field) {
    case 'name':
      return (e) => term.regex.test(e.name ?? '');
    case 'purl':
      return (e) => purlsOf(e).some((p) => term.pattern.test(p) || term.pattern.test(safeDecode(p)));
    case 'type':
      return (e) => e.elementType === term.kind;
    case 'rel': {
      // One pass over the relationships as written: no need to build the graph's maps for this term.
      const ids = new Set<string>();
      for (const r of graph.relationships) {
        if (r.type === term.relationshipType) {
          ids.add(r.from);
          if (typeof r.to === 'string') ids.add(r.to);
        }
      }
      return (e) => ids.has(e.spdxId);
    }
    case 'depth': {
      const within = hopsFromDescribed(graph, term.hops);
      return (e) => within.has(e.spdxId);
    }
    case 'license':
      return (e) => licenseTermMatches(term, licenseIdsOf(e));
    case 'checksum':
      return (e) => {
        if (e.elementType === 'snippet') return false;
        return e.checksums.some((c) => hexStartsWith(c.value, term.hexPrefix) && (!term.algorithm || c.algorithm.toUpperCase() === term.algorithm));
      };
  }
}

/** Whether a `license:` term names one of these license ids (as licenseIdsOf gives them): case-insensitive, globs. */
export function licenseTermMatches(term: Extract<QueryTerm, { field: 'license' }>, ids: readonly string[]): boolean {
  return ids.some((id) => term.pattern.test(id.toLowerCase()));
}

/** Case-insensitive prefix test for hex without copying the value (hex digits already have bit 0x20 set). */
function hexStartsWith(value: string, lowerPrefix: string): boolean {
  if (value.length < lowerPrefix.length) return false;
  for (let i = 0; i < lowerPrefix.length; i++) if ((value.charCodeAt(i) | 0x20) !== lowerPrefix.charCodeAt(i)) return false;
  return true;
}

const GRAPH_TERMS = new Set<QueryTerm['field']>(['rel', 'depth']);

export interface QueryOptions {
  /**
   * Graph terms are answered per remaining element when fewer than this share of the document is left (default
   * 1/16); otherwise one pass collects every element that qualifies. Both give the same answer.
   */
  perElementShare?: number;
}

/** The elements matching every term. */
export function runQuery(terms: QueryTerm[], index: DocumentIndex, graph: RelationshipGraph, options: QueryOptions = {}): Element[] {
  const share = options.perElementShare ?? 1 / 16;
  const typeTerm = terms.find((t) => t.field === 'type');
  let candidates: readonly Element[] = typeTerm?.field === 'type' ? index.ofKind(typeTerm.kind) : index.elements();
  // Terms that look only at the element first, cheapest first; then the graph terms over what is left, where a
  // rel: term on a few candidates asks the graph per element instead of collecting every participant.
  const local = terms.filter((t) => !GRAPH_TERMS.has(t.field)).sort((a, b) => cost(a) - cost(b));
  for (const term of local) {
    const predicate = compile(term, graph);
    candidates = candidates.filter(predicate);
  }
  for (const term of terms.filter((t) => GRAPH_TERMS.has(t.field))) {
    if (candidates.length === 0) break;
    const few = candidates.length < share * index.size;
    let predicate: Predicate;
    if (few && term.field === 'rel') predicate = (e) => graph.hasRelationship(e.spdxId, term.relationshipType);
    else if (few && term.field === 'depth') {
      const described = new Set(graph.described());
      predicate = (e) => withinHopsUpwards(graph, described, e.spdxId, term.hops);
    } else predicate = compile(term, graph);
    candidates = candidates.filter(predicate);
  }
  const matches = [...candidates];
  return matches.sort((a, b) => KIND_ORDER[a.elementType] - KIND_ORDER[b.elementType] || (a.spdxId < b.spdxId ? -1 : a.spdxId > b.spdxId ? 1 : 0));
}

function cost(term: QueryTerm): number {
  return { type: 0, rel: 5, depth: 6, checksum: 2, name: 3, purl: 4, license: 4 }[term.field];
}

/** Parses and runs in one step (throws a usage error QUERY_SYNTAX with the column). */
export function query(expression: string, index: DocumentIndex, graph: RelationshipGraph): Element[] {
  return runQuery(parseQuery(expression), index, graph);
}
