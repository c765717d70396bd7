// Writing what the Export screen asks for with the export writers into the export folder, as every named output is.
import { resolve } from 'node:path';
import { toJsonText } from '../../common/json-text.js';
import { writeOutputFile } from '../../common/output-file.js';
import { sanitizeLine } from '../../common/sanitize.js';
import { renderImageList } from '../../export/image-list-yaml.js';
import { foldMultiArch } from '../../k8s/multi-arch.js';
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
    return { name: `kube-sbom-verification.${request.format}`, text, count: request.results.length };
  }
  const wanted = new Set(request.references);
  const { inventory } = view;
  const perArch = inventory.images.filter((i) => wanted.has(i.reference));
  const images = request.multiArch ? foldMultiArch(perArch) : perArch;
  const text = renderImageList(request.format, images, {
    ...(request.pinned ? { resolvedDigests: new Map(Object.entries(request.digests)) } : {}),
    source: view.source,
    ...(inventory.releaseVersion ? { releaseVersion: inventory.releaseVersion } : {}),
  });
  const name = `kube-sbom-images${request.multiArch ? '-multi-arch' : ''}${request.pinned ? '-pinned' : ''}.${request.format}`;
  return { name, text, count: images.length };
}

export async function exportToDir(dir: string, view: SbomView, request: ExportRequest): Promise<ExportResult> {
  const { name, text, count } = renderExport(view, request);
  const path = resolve(dir, name);
  await writeOutputFile(path, text);
  return { path, count };
}
