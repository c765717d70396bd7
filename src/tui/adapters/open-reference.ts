// Following an external DocumentRef: the file the user names is opened only if its SHA-1 is the reference's.
import { loadReferencedFile } from '../../app/load-referenced.js';
import type { SbomView } from '../ports.js';
import { buildView } from './document-view.js';

export async function openReferencedFile(maxBytes: number, view: SbomView, refId: string, path: string): Promise<SbomView> {
  const reference = view.externalRefs.find((r) => r.id === refId);
  if (!reference) throw new Error(`${refId} is not declared by an ExternalDocumentRef of this document: there is no checksum to check ${path} against`);
  const loaded = await loadReferencedFile(path, reference, { maxBytes });
  return buildView({ document: loaded.document, ...(loaded.format ? { format: loaded.format } : {}), diagnostics: loaded.diagnostics, source: loaded.label });
}
