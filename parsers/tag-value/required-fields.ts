// Required fields of packages and files, checked as each element is complete (the next element starts, or the
// document ends): it is still in cache then, where a pass over every element at the end reads each from memory.
import type { Package, Snippet, SpdxFile } from '../model.js';
import type { HandlerState } from './handler-state.js';

/** An element without its id line (snippets are checked at the end of the document, with their other fields). */
export function checkHasId(s: HandlerState, element: Package | SpdxFile | Snippet, idTag: string): void {
  if (element.spdxId) return;
  const where = element.position;
  s.add('warning', 'MISSING_REQUIRED_FIELD', `this ${element.elementType} has no ${idTag} line`, where?.line, where?.column);
}

export function checkPackage(s: HandlerState, p: Package): void {
  checkHasId(s, p, 'SPDXID');
  if (!p.name) s.add('warning', 'MISSING_REQUIRED_FIELD', 'PackageName is empty', p.position?.line, p.position?.column);
  if (p.downloadLocation === undefined) {
    s.add('warning', 'MISSING_REQUIRED_FIELD', `package ${s.quote(p.spdxId || p.name)} has no PackageDownloadLocation`, p.position?.line, p.position?.column);
  }
}

export function checkFile(s: HandlerState, f: SpdxFile): void {
  checkHasId(s, f, 'SPDXID');
  if (!f.name) s.add('warning', 'MISSING_REQUIRED_FIELD', 'FileName is empty', f.position?.line, f.position?.column);
  if (f.checksums.length === 0) {
    s.add('warning', 'MISSING_REQUIRED_FIELD', `file ${s.quote(f.spdxId || f.name)} has no FileChecksum`, f.position?.line, f.position?.column);
  }
}
