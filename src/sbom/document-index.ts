// Looks elements up by SPDXID in O(1) and groups them by kind; every question asked of a document starts here.
import type { Element, Package, Snippet, SpdxDocument, SpdxFile } from '../../parsers/model.js';

export type ElementKind = Element['elementType'];

export class DocumentIndex {
  readonly document: SpdxDocument;
  private readonly byId = new Map<string, Element>();
  /** SPDXIDs written more than once (the first definition wins, as in the document's reading order). */
  readonly duplicateIds: string[] = [];

  constructor(document: SpdxDocument) {
    this.document = document;
    for (const list of [document.packages, document.files, document.snippets] as Element[][]) {
      for (const element of list) {
        if (this.byId.has(element.spdxId)) this.duplicateIds.push(element.spdxId);
        else this.byId.set(element.spdxId, element);
      }
    }
  }

  get documentId(): string {
    return this.document.spdxId || 'SPDXRef-DOCUMENT';
  }

  get(spdxId: string): Element | undefined {
    return this.byId.get(spdxId);
  }

  has(spdxId: string): boolean {
    return this.byId.has(spdxId) || spdxId === this.documentId;
  }

  package(spdxId: string): Package | undefined {
    const element = this.byId.get(spdxId);
    return element?.elementType === 'package' ? element : undefined;
  }

  file(spdxId: string): SpdxFile | undefined {
    const element = this.byId.get(spdxId);
    return element?.elementType === 'file' ? element : undefined;
  }

  snippet(spdxId: string): Snippet | undefined {
    const element = this.byId.get(spdxId);
    return element?.elementType === 'snippet' ? element : undefined;
  }

  /** Every element in document order: packages, then files, then snippets. */
  elements(): Element[] {
    return [...this.document.packages, ...this.document.files, ...this.document.snippets];
  }

  ofKind(kind: ElementKind): readonly Element[] {
    if (kind === 'package') return this.document.packages;
    if (kind === 'file') return this.document.files;
    return this.document.snippets;
  }

  get size(): number {
    return this.byId.size;
  }
}

/** The name a user would recognise: package and file names, a snippet's name or its SPDXID. */
export function elementName(element: Element): string {
  return element.name ?? element.spdxId;
}
