// Kind filter, incremental text filter, `license:` terms and sort over the element rows. A longer query narrows the
// previous result instead of rescanning everything, which keeps a keystroke cheap on 100k elements.
import type { ElementRow, RowKind } from '../ports.js';
import { filterProblem, splitExplorerQuery } from './explorer-query.js';

export const KIND_FILTERS = ['all', 'images', 'layers', 'binaries', 'files', 'packages'] as const;
export type KindFilter = (typeof KIND_FILTERS)[number];
export const SORTS = ['document', 'name', 'kind'] as const;
export type SortOrder = (typeof SORTS)[number];

const KINDS: Record<KindFilter, (kind: RowKind) => boolean> = {
  all: () => true,
  images: (k) => k === 'image',
  layers: (k) => k === 'layer',
  binaries: (k) => k === 'binary',
  files: (k) => k === 'file' || k === 'binary',
  // Every SPDX package, as `files` is every SPDX file: images and layers are packages too.
  packages: (k) => k === 'package' || k === 'image' || k === 'layer',
};
const KIND_RANK: Record<RowKind, number> = { image: 0, layer: 1, binary: 2, file: 3, package: 4, snippet: 5 };

export function nextOf<T>(list: readonly T[], current: T): T {
  return list[(list.indexOf(current) + 1) % list.length]!;
}

interface Cached {
  kind: KindFilter;
  sort: SortOrder;
  query: string;
  licenses: string;
  indices: Int32Array;
  problem?: string;
}

export type LicenseFilter = (value: string) => (row: number) => boolean;

export class RowFilter {
  private readonly orders = new Map<SortOrder, Int32Array>();
  private last?: Cached;

  constructor(
    readonly rows: readonly ElementRow[],
    private readonly licenseFilter: LicenseFilter,
  ) {}

  /** Why the last query shows nothing (a `license:` term that does not parse), if it does. */
  get problem(): string | undefined {
    return this.last?.problem;
  }

  private order(sort: SortOrder): Int32Array {
    let order = this.orders.get(sort);
    if (!order) {
      const ids = Array.from({ length: this.rows.length }, (_, i) => i);
      const rows = this.rows;
      const byName = (a: number, b: number) => cmp(rows[a]!.name, rows[b]!.name) || a - b;
      if (sort === 'name') ids.sort(byName);
      if (sort === 'kind') ids.sort((a, b) => KIND_RANK[rows[a]!.kind] - KIND_RANK[rows[b]!.kind] || byName(a, b));
      order = Int32Array.from(ids);
      this.orders.set(sort, order);
    }
    return order;
  }

  /** Row indices to show, in display order. */
  apply(kind: KindFilter, sort: SortOrder, rawQuery: string): Int32Array {
    const { text: query, licenses: values } = splitExplorerQuery(rawQuery);
    const licenses = values.join('\n');
    const last = this.last;
    if (last && last.kind === kind && last.sort === sort && last.query === query && last.licenses === licenses) return last.indices;
    let tests: Array<(row: number) => boolean>;
    try {
      tests = values.map((value) => this.licenseFilter(value));
    } catch (err) {
      // A term still being typed (`license:`) or mistyped: nothing shown, and the reason why.
      this.last = { kind, sort, query, licenses, indices: new Int32Array(0), problem: filterProblem(err) };
      return this.last.indices;
    }
    const narrowing = last && !last.problem && last.kind === kind && last.sort === sort && last.licenses === licenses && query.startsWith(last.query);
    const source = narrowing ? last.indices : this.order(sort);
    const keepKind = KINDS[kind];
    const out = new Int32Array(source.length);
    let n = 0;
    for (let i = 0; i < source.length; i++) {
      const index = source[i]!;
      const row = this.rows[index]!;
      if ((narrowing || (keepKind(row.kind) && tests.every((t) => t(index)))) && (query === '' || row.haystack.includes(query))) out[n++] = index;
    }
    const indices = out.slice(0, n);
    this.last = { kind, sort, query, licenses, indices };
    return indices;
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
