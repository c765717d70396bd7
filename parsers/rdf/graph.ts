// RDF/XML to a small graph: nodes (by URI or blank id) with types and property values, namespaces resolved.
// Covers the RDF/XML that SPDX writers produce: typed node elements, rdf:about / rdf:nodeID / rdf:resource,
// nested node elements, literal property elements, rdf:parseType="Resource".
import { XMLParser } from 'fast-xml-parser';
import { safeXmlOptions } from '../xml-safety.js';
import type { XmlTextRuns } from '../xml-text-runs.js';

export const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

export type RdfValue = { node: RdfNode; literal?: undefined } | { literal: string; node?: undefined };

export interface RdfNode {
  /** URI, or `_:id` for a blank node. */
  key: string;
  blank: boolean;
  /** Full type URIs (rdf:type and the node element's own name). */
  types: string[];
  props: Map<string, RdfValue[]>;
  /** Offset of the element that describes the node, when it is described (not only referred to). */
  offset?: number;
  /** Tag name as written, for messages. */
  tag?: string;
}

export interface RdfGraph {
  nodes: Map<string, RdfNode>;
  /** Nodes in the order they were first described. */
  described: RdfNode[];
  problems: { message: string; offset?: number }[];
}

type Entry = Record<string, unknown>;
const META = XMLParser.getMetaDataSymbol() as symbol;

/** The graph of an RDF/XML text checkXml accepted (its lifted values); throws on malformed XML. */
export function readRdfGraph(runs: XmlTextRuns): RdfGraph {
  const parser = new XMLParser({
    ...safeXmlOptions(runs),
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    captureMetaData: true,
    // CDATA is kept apart so its text is not entity-decoded (see textOf).
    cdataPropName: '#cdata',
  });
  const tree = parser.parse(runs.forParser.text) as Entry[];
  const offsetOf = (entry: Entry): number | undefined => {
    const offset = ((entry as Record<symbol, unknown>)[META] as { startIndex?: number } | undefined)?.startIndex;
    return offset === undefined ? undefined : runs.forParser.originalOffset(offset);
  };
  const graph: RdfGraph = { nodes: new Map(), described: [], problems: [] };
  let blankCounter = 0;

  const nodeFor = (key: string, blank: boolean): RdfNode => {
    let node = graph.nodes.get(key);
    if (!node) {
      node = { key, blank, types: [], props: new Map() };
      graph.nodes.set(key, node);
    }
    return node;
  };
  const addValue = (node: RdfNode, predicate: string, value: RdfValue): void => {
    const list = node.props.get(predicate);
    if (list) list.push(value);
    else node.props.set(predicate, [value]);
  };

  const nodeElement = (entry: Entry, scope: Map<string, string>): RdfNode | undefined => {
    const tag = tagOf(entry);
    if (!tag) return undefined;
    const attrs = (entry[':@'] ?? {}) as Record<string, string>;
    const inner = withNamespaces(scope, attrs);
    const about = attrs['rdf:about'] ?? (attrs['rdf:ID'] !== undefined ? `#${attrs['rdf:ID']}` : undefined);
    const nodeId = attrs['rdf:nodeID'];
    const node = about !== undefined ? nodeFor(about, false) : nodeFor(`_:${nodeId ?? `gen${++blankCounter}`}`, true);
    const type = expand(tag, inner);
    if (type !== `${RDF}Description` && !node.types.includes(type)) node.types.push(type);
    if (node.offset === undefined) {
      node.offset = offsetOf(entry);
      node.tag = tag;
      graph.described.push(node);
    }
    for (const [name, value] of Object.entries(attrs)) {
      if (name === 'rdf:type') node.types.push(expand(value, inner));
      else if (!isSyntaxAttribute(name)) addValue(node, expand(name, inner), { literal: value });
    }
    propertyElements(entry[tag] as Entry[], node, inner);
    return node;
  };

  const propertyElements = (children: Entry[], subject: RdfNode, scope: Map<string, string>): void => {
    for (const child of children) {
      const tag = tagOf(child);
      if (!tag) continue;
      const attrs = (child[':@'] ?? {}) as Record<string, string>;
      const inner = withNamespaces(scope, attrs);
      const predicate = expand(tag, inner);
      const grandChildren = child[tag] as Entry[];
      if (attrs['rdf:resource'] !== undefined) {
        addValue(subject, predicate, { node: nodeFor(attrs['rdf:resource'], false) });
      } else if (attrs['rdf:nodeID'] !== undefined) {
        addValue(subject, predicate, { node: nodeFor(`_:${attrs['rdf:nodeID']}`, true) });
      } else if (attrs['rdf:parseType'] === 'Resource') {
        const node = nodeFor(`_:gen${++blankCounter}`, true);
        node.offset = offsetOf(child);
        propertyElements(grandChildren, node, inner);
        addValue(subject, predicate, { node });
      } else {
        const elements = grandChildren.filter((g) => tagOf(g) !== undefined);
        if (elements.length > 0) {
          if (elements.length > 1) graph.problems.push({ message: `<${tag}> holds ${elements.length} nodes; RDF/XML allows one`, offset: offsetOf(child) });
          for (const element of elements) {
            const node = nodeElement(element, inner);
            if (node) addValue(subject, predicate, { node });
          }
        } else {
          addValue(subject, predicate, { literal: textOf(grandChildren) });
        }
      }
    }
  };

  const rootEntry = tree.find((e) => tagOf(e) !== undefined);
  if (!rootEntry) return graph;
  const rootTag = tagOf(rootEntry)!;
  const rootScope = withNamespaces(new Map(), (rootEntry[':@'] ?? {}) as Record<string, string>);
  if (expand(rootTag, rootScope) === `${RDF}RDF`) {
    for (const child of rootEntry[rootTag] as Entry[]) if (tagOf(child)) nodeElement(child, rootScope);
  } else {
    // A single node element without the rdf:RDF wrapper is allowed by RDF/XML.
    nodeElement(rootEntry, new Map());
  }
  return graph;
}

function tagOf(entry: Entry): string | undefined {
  for (const key in entry) if (key !== ':@' && key !== '#text' && key !== '#comment' && key !== '#cdata') return key;
  return undefined;
}

function textOf(children: Entry[]): string {
  let text = '';
  for (const c of children) {
    if (typeof c['#text'] === 'string' || typeof c['#text'] === 'number') text += String(c['#text']);
    else if (Array.isArray(c['#cdata'])) text += textOf(c['#cdata'] as Entry[]);
  }
  return text;
}

function withNamespaces(scope: Map<string, string>, attrs: Record<string, string>): Map<string, string> {
  let out = scope;
  for (const name in attrs) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      if (out === scope) out = new Map(scope);
      out.set(name === 'xmlns' ? '' : name.slice(6), attrs[name]!);
    }
  }
  return out;
}

function expand(qname: string, scope: Map<string, string>): string {
  const colon = qname.indexOf(':');
  const prefix = colon === -1 ? '' : qname.slice(0, colon);
  const ns = scope.get(prefix) ?? (prefix === 'rdf' ? RDF : undefined);
  return ns === undefined ? qname : ns + qname.slice(colon + 1);
}

function isSyntaxAttribute(name: string): boolean {
  return (
    name === 'xmlns' ||
    name.startsWith('xmlns:') ||
    name.startsWith('xml:') ||
    name === 'rdf:about' ||
    name === 'rdf:nodeID' ||
    name === 'rdf:ID' ||
    name === 'rdf:parseType' ||
    name === 'rdf:resource' ||
    name === 'rdf:datatype'
  );
}
