// Where the Export screen writes: the folder and file name the user chose, else the export folder (the directory
// the user ran kube-sbom from) and the name the content and format give. Pure, so the screen shows the very path written.
import { isAbsolute, resolve } from 'node:path';
import type { ExportRequest } from '../ports.js';

/** The file name a request is written to unless the user names another. */
export function defaultExportName(request: ExportRequest): string {
  if (request.kind === 'report') return `kube-sbom-verification.${request.format}`;
  return `kube-sbom-images${request.multiArch ? '-multi-arch' : ''}${request.pinned ? '-pinned' : ''}.${request.format}`;
}

/** The absolute path written; a relative folder is taken from the default export folder. */
export function exportPath(defaultDir: string, chosen: { dir?: string | undefined; name?: string | undefined }, request: ExportRequest): string {
  const dir = chosen.dir ? (isAbsolute(chosen.dir) ? chosen.dir : resolve(defaultDir, chosen.dir)) : defaultDir;
  return resolve(dir, chosen.name || defaultExportName(request));
}
