// The Audit view's matrix: every artifact verified in this run (release files, then images), one column per check
// any of them had; a cell is pass, fail, or not checked. The Export report carries the same matrix.
import type { FileResult, ImageResult } from '../ports.js';

export type Cell = 'pass' | 'fail' | 'none';

export interface AuditRow {
  kind: 'file' | 'image';
  /** A file's path as the SBOM names it, or an image reference. */
  name: string;
  result: ImageResult;
  cells: Cell[];
}

export interface AuditMatrix {
  columns: string[];
  rows: AuditRow[];
}

export function auditMatrix(images: Record<string, ImageResult>, files: Record<string, FileResult>): AuditMatrix {
  const entries = [
    ...Object.values(files).map((result) => ({ kind: 'file' as const, result })),
    ...Object.values(images).map((result) => ({ kind: 'image' as const, result })),
  ];
  const columns: string[] = [];
  for (const { result } of entries) for (const c of result.checks) if (!columns.includes(c.check)) columns.push(c.check);
  const rows = entries.map(({ kind, result }) => ({
    kind,
    name: result.reference,
    result,
    cells: columns.map((column): Cell => {
      const checks = result.checks.filter((c) => c.check === column);
      // A check made more than once (one per signature) fails when any of its runs failed.
      if (checks.length === 0) return 'none';
      return checks.some((c) => c.status === 'fail') ? 'fail' : 'pass';
    }),
  }));
  return { columns, rows };
}
