// The tag-value parser's state as a tag handler sees it: the document, the element in scope and the ways to read
// and report a value. TagValueState implements it; its speed caches and end-of-document bookkeeping stay out of it.
import type { Severity } from '../diagnostics.js';
import type {
  Annotation,
  ExternalPackageRef,
  ExtractedLicensingInfo,
  LicenseExpression,
  Package,
  Relationship,
  Snippet,
  Spdx,
  SpdxDocumentDraft,
  SpdxFile,
} from '../model.js';
import type { TagValueLexer } from './lexer.js';
import type { Entity, EntityKind } from './state.js';
import type { Report } from './values.js';

/** The element type of an entity kind. */
export type EntityOfKind<K extends EntityKind> = K extends 'package'
  ? Package
  : K extends 'file'
    ? SpdxFile
    : K extends 'snippet'
      ? Snippet
      : ExtractedLicensingInfo;

export interface HandlerState {
  readonly doc: SpdxDocumentDraft;
  readonly lx: TagValueLexer;
  /** The package, file, snippet or extracted license that field tags apply to. */
  entity: Entity | undefined;
  entityKind: EntityKind | undefined;
  pkg: Package | undefined;
  file: SpdxFile | undefined;
  /** A file not yet closed: when it ends, a preceding package gets a CONTAINS relationship to it. */
  openFile: SpdxFile | undefined;
  annotation: Annotation | undefined;
  relationship: Relationship | undefined;
  externalRef: ExternalPackageRef | undefined;
  /** Document-level tags seen, for the required-field check at the end. */
  readonly docTagsSeen: Set<string>;
  /** The file each snippet follows: its source when SnippetFromFileSPDXID is missing. */
  readonly snippetPrecedingFile: Map<Snippet, SpdxFile | undefined>;
  /** Reports a problem at the current value. */
  readonly reportAtValue: Report;

  add(severity: Severity, code: string, message: string, line?: number, column?: number): void;
  atTag(severity: Severity, code: string, message: string): void;
  inScope<K extends EntityKind>(kind: K): EntityOfKind<K> | undefined;
  beginElement(): void;
  setEntity(kind: EntityKind, entity: Entity): void;
  noteElementId(id: string): void;
  noteContains(from: string, to: string): void;
  appendShared<T>(list: readonly T[], item: T): readonly T[];
  license(): Spdx<LicenseExpression>;
  duplicate(existing: unknown): boolean;
  emptyValue(): boolean;
  quote(value: string): string;
}
