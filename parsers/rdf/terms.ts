// SPDX RDF vocabulary: namespaces, SPDX ids from URIs, enumeration URIs to model values, literal readers.
import type { DiagnosticSink } from '../diagnostics.js';
import { NOASSERTION, NONE, type SourcePosition, type Spdx } from '../model.js';
import type { RdfNode, RdfValue } from './graph.js';

export const SPDX = 'http://spdx.org/rdf/terms#';
export const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
export const DOAP = 'http://usefulinc.com/ns/doap#';
export const PTR = 'http://www.w3.org/2009/pointers#';
export const LICENSES = 'http://spdx.org/licenses/';

/** Reading context: the document's namespace, external document namespaces, positions, diagnostics. */
export class RdfReader {
  /** External document namespace -> `DocumentRef-x`. */
  readonly externalNamespaces = new Map<string, string>();
  documentNamespace = '';

  constructor(
    readonly sink: DiagnosticSink,
    private readonly toPosition: (offset: number) => SourcePosition,
  ) {}

  where(node: RdfNode | undefined): Partial<SourcePosition> {
    return node?.offset === undefined ? {} : this.toPosition(node.offset);
  }
  warn(code: string, message: string, node?: RdfNode, path?: string): void {
    this.sink.warning(code, message, { ...this.where(node), ...(path ? { path } : {}) });
  }
  error(code: string, message: string, node?: RdfNode, path?: string): void {
    this.sink.error(code, message, { ...this.where(node), ...(path ? { path } : {}) });
  }

  /** `ns#SPDXRef-x` -> `SPDXRef-x`; another document's namespace -> `DocumentRef-y:SPDXRef-x`. */
  idOf(uri: string): string {
    const hash = uri.lastIndexOf('#');
    if (hash === -1) return uri;
    const ns = uri.slice(0, hash);
    const local = uri.slice(hash + 1);
    if (ns === this.documentNamespace || ns === '') return local;
    const ref = this.externalNamespaces.get(ns);
    return ref ? `${ref}:${local}` : local;
  }
}

export function values(node: RdfNode, predicate: string): RdfValue[] {
  return node.props.get(predicate) ?? [];
}

export function first(node: RdfNode, predicate: string): RdfValue | undefined {
  return node.props.get(predicate)?.[0];
}

/** A literal (or, for a resource, its URI). */
export function text(node: RdfNode, predicate: string): string | undefined {
  const v = first(node, predicate);
  if (!v) return undefined;
  return v.node ? v.node.key : v.literal;
}

export function texts(node: RdfNode, predicate: string): string[] {
  return values(node, predicate).map((v) => (v.node ? v.node.key : v.literal));
}

export function childNode(node: RdfNode, predicate: string): RdfNode | undefined {
  return first(node, predicate)?.node;
}

/** A field that may be NOASSERTION or NONE, as a literal or as the spdx:noassertion / spdx:none resources. */
export function spdxText(node: RdfNode, predicate: string): Spdx<string> | undefined {
  const v = text(node, predicate);
  if (v === undefined) return undefined;
  return special(v) ?? v;
}

export function special(value: string): typeof NOASSERTION | typeof NONE | undefined {
  if (value === 'NOASSERTION' || value === `${SPDX}noassertion`) return NOASSERTION;
  if (value === 'NONE' || value === `${SPDX}none`) return NONE;
  return undefined;
}

/**
 * `http://spdx.org/rdf/terms#relationshipType_dependencyOf` -> `DEPENDENCY_OF`;
 * `...#purpose_operatingSystem` -> `OPERATING_SYSTEM` (callers map `_` to `-` where their enum uses dashes).
 */
export function enumFromUri(uri: string): string {
  const hash = uri.lastIndexOf('#');
  const local = hash === -1 ? uri : uri.slice(hash + 1);
  const underscore = local.indexOf('_');
  const word = underscore === -1 ? local : local.slice(underscore + 1);
  return word.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

export function typeIs(node: RdfNode, localName: string): boolean {
  return node.types.includes(SPDX + localName);
}
