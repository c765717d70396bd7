// The outline as the rows a collapsible tree shows: a node's children only while it is expanded. Built once per
// change of the expanded set (not per key), and only the window of it is drawn.
import type { Outline, OutlineNode } from '../../sbom/outline.js';
import type { ElementRow } from '../ports.js';

export interface TreeRow {
  node: OutlineNode;
  depth: number;
  /** The parent's row index, -1 for the root. */
  parent: number;
  expanded: boolean;
}

/** Only a node's first appearance has children (repeats are not expanded again), so its id names it in `expanded`. */
export function treeRows(roots: readonly OutlineNode[], expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  // Iterative: a 20k-deep chain must not overflow the call stack.
  const stack: Array<{ node: OutlineNode; depth: number; parent: number }> = [...roots].reverse().map((node) => ({ node, depth: 0, parent: -1 }));
  while (stack.length > 0) {
    const { node, depth, parent } = stack.pop()!;
    const open = node.children.length > 0 && expanded.has(node.id);
    const index = rows.push({ node, depth, parent, expanded: open }) - 1;
    if (open) for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, depth: depth + 1, parent: index });
  }
  return rows;
}

/** The document reference an external node's id starts with (`DocumentRef-x:SPDXRef-y` -> `DocumentRef-x`). */
export function documentRefOf(id: string): string {
  return id.split(':')[0]!;
}

/** The id of the group that holds what no relationship reaches (as `outline` lists them after the tree). */
export const UNREACHED_ID = '(not reachable from the document)';

/** Elements no path from the document reaches, as one collapsed group after the tree. */
function unreachedGroup(outline: Outline, rows: readonly ElementRow[]): OutlineNode | undefined {
  if (outline.unreached.length === 0) return undefined;
  const byId = new Map(rows.map((r) => [r.spdxId, r]));
  const children = outline.unreached.map((id): OutlineNode => {
    const row = byId.get(id);
    const kind = row?.kind === 'file' || row?.kind === 'binary' ? 'file' : row?.kind === 'snippet' ? 'snippet' : 'package';
    return { id, kind, ...(row ? { name: row.name } : {}), children: [] };
  });
  return { id: UNREACHED_ID, kind: 'missing', name: `${children.length} element(s) not reachable from the document`, children };
}

const cache = new WeakMap<object, { expanded: ReadonlySet<string> | undefined; roots: OutlineNode[]; rows: TreeRow[] }>();

/** Whether the view's tree was worked out already (on a 100k-element document that takes a second or more). */
export function treeBuilt(view: object): boolean {
  return cache.has(view);
}

/** The rows for a view's outline, rebuilt only when the expanded set changes (unset: the root alone is expanded). */
export function viewTreeRows(view: { outline(): Outline; rows: readonly ElementRow[] }, expanded: ReadonlySet<string> | undefined): TreeRow[] {
  const cached = cache.get(view);
  if (cached && cached.expanded === expanded) return cached.rows;
  const outline = view.outline();
  const unreached = cached?.roots[1] ?? unreachedGroup(outline, view.rows);
  const roots = unreached ? [outline.root, unreached] : [outline.root];
  const rows = treeRows(roots, expanded ?? new Set([outline.root.id]));
  cache.set(view, { expanded, roots, rows });
  return rows;
}

/** The expanded set as the tree shows it (the default made explicit), for the next change. */
export function expandedOf(rows: readonly TreeRow[]): Set<string> {
  return new Set(rows.filter((r) => r.expanded).map((r) => r.node.id));
}
