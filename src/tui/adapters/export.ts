// Writing what the Export screen asks for with the export writers into the export folder, as every named output is.
import { resolve } from 'node:path';
import { toJsonText } from '../../common/json-text.js';
import { writeOutputFile } from '../../common/output-file.js';
import { sanitizeLine } from '../../common/sanitize.js';
import { renderImageList } from '../../export/image-list-yaml.js';
import { imagesToMarkdown } from '../../export/image-report.js';
import { sanitizeForTerminal } from '../../common/sanitize.js';
import { defaultExportName } from '../state/export-target.js';
import type { ExportRequest, ExportResult, ImageResult, SbomView } from '../ports.js';

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

export function renderExport(view: SbomView, request: ExportRequest): { name: string; text: string; count: number } {
  if (request.kind === 'report') {
    const text =
      request.format === 'json'
        ? toJsonText({ verified: request.results.every((r) => r.status === 'verified'), source: view.source, images: request.results })
        : reportText(request.results);
    return { name: defaultExportName(request), text, count: request.results.length };
  }
  const wanted = new Set(request.references);
  const { inventory } = view;
  const images = inventory.images.filter((i) => wanted.has(i.reference));
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
