// The SPDX 3 JSON-LD `@graph` as written by bom, protobom, syft, spdx tools and sbom-tool (compact form, 3.0.x
// context): objects by their spdxId / @id, their type, and the values that refer to other objects by id.
import type { ConvertContext } from '../json-like/context.js';
import { isObject, type Obj } from '../json-like/values.js';

/** Elements that stand for the document itself (or a part of it) as a relationship end or a holder of roots. */
export const DOCUMENT_TYPES = new Set(['SpdxDocument', 'software_Sbom', 'Bom', 'Bundle']);

export class Graph {
  readonly nodes: Obj[];
  private readonly byId = new Map<string, Obj>();

  constructor(ctx: ConvertContext, graph: unknown[]) {
    this.nodes = [];
    for (let i = 0; i < graph.length; i++) {
      const node = graph[i];
      if (!isObject(node)) {
        ctx.error(`${ctx.format}_WRONG_TYPE`, 'an @graph item must be an object; ignored', `@graph[${i}]`);
        this.nodes.push({});
        continue;
      }
      this.nodes.push(node);
      const id = idOf(node);
      if (id === undefined) continue;
      if (this.byId.has(id)) ctx.error('SPDX3_DUPLICATE_ID', `${JSON.stringify(id)} identifies more than one @graph item`, `@graph[${i}]`);
      else this.byId.set(id, node);
    }
  }

  /** The object a value stands for: itself when inline, the graph item when it is an id. */
  resolve(value: unknown): Obj | undefined {
    if (isObject(value)) return value;
    return typeof value === 'string' ? this.byId.get(value) : undefined;
  }
  has(id: string): boolean {
    return this.byId.has(id);
  }
}

export function idOf(node: Obj): string | undefined {
  const id = node.spdxId ?? node['@id'];
  return typeof id === 'string' ? id : undefined;
}

export function typeOf(node: Obj): string {
  const t = node.type ?? node['@type'];
  return typeof t === 'string' ? t : '';
}

/** A list-valued property; a lone value counts as a one-item list (JSON-LD compaction writes single values so). */
export function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}
