// Writing what the Export screen asks for with the export writers into the export folder, as every named output is.
import { resolve } from 'node:path';
import { toJsonText } from '../../common/json-text.js';
import { writeOutputFile } from '../../common/output-file.js';
import { sanitizeLine } from '../../common/sanitize.js';
import { renderImageList } from '../../export/image-list-yaml.js';
import { imagesToMarkdown } from '../../export/image-report.js';
import { sanitizeForTerminal } from '../../common/sanitize.js';
import { foldMultiArch } from '../../k8s/multi-arch.js';
import type { ExportRequest, ExportResult, FileResult, ImageResult, SbomView } from '../ports.js';
import { auditMatrix, type AuditMatrix } from '../state/audit-matrix.js';
import { defaultExportName } from '../state/export-target.js';

/** One line per image and per failed check; registry and certificate strings are made inert, as on the screen. */
function reportText(results: ImageResult[]): string {
  return results
    .flatMap((r) => [
      `${r.status.toUpperCase()} ${r.reference}${r.digest ? `@${r.digest}` : ''} ${r.code ?? ''}`,
      ...(r.status === 'verified' ? [] : r.checks.filter((c) => c.status === 'fail').map((c) => `  ${c.check}: ${c.code} ${c.message}`)),
    ])
    .map((line) => `${sanitizeLine(line)}\n`)
    .join('');
}

/** The Audit view's matrix as JSON: one row per artifact, each check pass, fail or none (not checked). */
function auditJson(matrix: AuditMatrix) {
  return {
    columns: matrix.columns,
    rows: matrix.rows.map((r) => ({
      kind: r.kind,
      name: r.name,
      status: r.result.status,
      checks: Object.fromEntries(matrix.columns.map((c, i) => [c, r.cells[i]])),
    })),
  };
}

/** The Audit view's matrix as aligned text columns, after the per-artifact lines. */
function auditText(matrix: AuditMatrix): string {
  const table = [
    ['kind', 'artifact', 'status', ...matrix.columns],
    ...matrix.rows.map((r) => [r.kind, r.result.reference, r.result.status, ...r.cells.map((c) => (c === 'none' ? '-' : c))]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  const lines = table.map((row) =>
    row
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
  return ['', 'AUDIT: every check of everything verified in this run (pass, fail, - not checked)', ...lines].map((line) => `${sanitizeLine(line)}\n`).join('');
}

function reportOf(view: SbomView, request: Extract<ExportRequest, { kind: 'report' }>): string {
  const files: FileResult[] | undefined = request.files;
  const verified = [...request.results, ...(files ?? [])].every((r) => r.status === 'verified');
  // Without files the report is as it was (images only); with them it carries the files and the Audit matrix.
  if (files === undefined)
    return request.format === 'json' ? toJsonText({ verified, source: view.source, images: request.results }) : reportText(request.results);
  const matrix = auditMatrix(Object.fromEntries(request.results.map((r) => [r.reference, r])), Object.fromEntries(files.map((r) => [r.reference, r])));
  if (request.format === 'json') return toJsonText({ verified, source: view.source, images: request.results, files, audit: auditJson(matrix) });
  return reportText([...files, ...request.results]) + auditText(matrix);
}

export function renderExport(view: SbomView, request: ExportRequest): { name: string; text: string; count: number } {
  if (request.kind === 'report') {
    const text = reportOf(view, request);
    return { name: defaultExportName(request), text, count: request.results.length + (request.files?.length ?? 0) };
  }
  const wanted = new Set(request.references);
  const { inventory } = view;
  const perArch = inventory.images.filter((i) => wanted.has(i.reference));
  const images = request.multiArch ? foldMultiArch(perArch) : perArch;
  const options = {
    ...(request.pinned ? { resolvedDigests: new Map(Object.entries(request.digests)) } : {}),
    source: view.source,
    ...(inventory.releaseVersion ? { releaseVersion: inventory.releaseVersion } : {}),
  };
  // Markdown as `images --format md` writes it, cleaned of terminal escapes as the command cleans it.
  const text = request.format === 'md' ? sanitizeForTerminal(imagesToMarkdown(images, options)) : renderImageList(request.format, images, options);
  return { name: defaultExportName(request), text, count: images.length };
}

/** Into `dir` under the request's own name, or to `target` when the user chose a folder or name. */
export async function exportToDir(dir: string, view: SbomView, request: ExportRequest, target?: string): Promise<ExportResult> {
  const { name, text, count } = renderExport(view, request);
  const path = target ?? resolve(dir, name);
  await writeOutputFile(path, text);
  return { path, count };
}
