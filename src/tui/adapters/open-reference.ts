// Following an external DocumentRef: the file or URL the user names is opened only if its SHA-1 is the reference's.
import { loadReferencedFile, loadReferencedUrl, type ReferenceDownload } from '../../app/load-referenced.js';
import type { SbomView } from '../ports.js';
import { buildView } from './document-view.js';

const URL_SCHEME = /^(https?|file):\/\//i;

export async function openReferencedFile(limits: ReferenceDownload, view: SbomView, refId: string, path: string): Promise<SbomView> {
  const reference = view.externalRefs.find((r) => r.id === refId);
  if (!reference) throw new Error(`${refId} is not declared by an ExternalDocumentRef of this document: there is no checksum to check ${path} against`);
  const loaded = URL_SCHEME.test(path) ? await loadReferencedUrl(path, reference, limits) : await loadReferencedFile(path, reference, limits);
  return buildView({ document: loaded.document, ...(loaded.format ? { format: loaded.format } : {}), diagnostics: loaded.diagnostics, source: loaded.label });
}
