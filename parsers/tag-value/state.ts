// The tag-value parser's state: the document being built, the element in scope, and positioned diagnostics.
import type { DiagnosticSink, Severity } from '../diagnostics.js';
import { licenseFieldValue } from '../license-expression.js';
import { licenseProblems, quote, type LicenseProblem } from '../license-checks.js';
import {
  EMPTY_LIST,
  emptyDocument,
  type Annotation,
  type ExternalPackageRef,
  type ExtractedLicensingInfo,
  type LicenseExpression,
  type Package,
  type Relationship,
  type Snippet,
  type Spdx,
  type SpdxDocument,
  type SpdxFile,
} from '../model.js';
import type { TagValueLexer } from './lexer.js';
import type { Report } from './values.js';
import { IdHashes } from './id-hashes.js';
import { checkFile, checkPackage } from './required-fields.js';

export type EntityKind = 'package' | 'file' | 'snippet' | 'license';
type Entity = Package | SpdxFile | Snippet | ExtractedLicensingInfo;

/** More than this many diagnostics from one document are counted, not kept (a broken huge file stays bounded). */
export const MAX_DIAGNOSTICS = 1000;
const MAX_LICENSE_EXPRESSION = 2048;
const LICENSE_PARSE_BUDGET = 500_000;
/** License texts compared in place before the map is asked: a document's usual handful of values. */
const RECENT_LICENSES = 8;

/** A license field's text, read: the value and the problems to report wherever it appears. */
interface LicenseReading {
  value: Spdx<LicenseExpression>;
  problems: LicenseProblem[];
}

const ENTITY_START_TAG: Record<EntityKind, string> = {
  package: 'PackageName',
  file: 'FileName',
  snippet: 'SnippetSPDXID',
  license: 'LicenseID',
};

export class TagValueState {
  readonly doc: SpdxDocument = emptyDocument();
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
  /** Targets of the CONTAINS relationships written so far, by source: the implied one is then not added. */
  private readonly containsWritten = new Map<string, Set<string>>();
  /** The package whose files closeFile last listed, and that list (in packageFiles once flushFiles runs). */
  private filesOwner: Package | undefined;
  private filesOwnerList: string[] = EMPTY;
  /** Lists of files by package SPDXID grown past SHORT_LIST, with a set to test membership in constant time. */
  private readonly longFileLists = new Map<string, Set<string>>();
  /** Shared frozen one- and two-item lists of common values (file types, license values), see EMPTY_LIST. */
  private readonly singles = new Map<unknown, unknown[]>();
  private readonly pairs = new Map<unknown, Map<unknown, unknown[]>>();
  /** Document-level tags seen, for the required-field check at the end. */
  readonly docTagsSeen = new Set<string>();
  /** The files listed under each package SPDXID (a Map while parsing: no property per id on a plain object). */
  readonly packageFiles = new Map<string, string[]>();
  /** The file each snippet follows: its source when SnippetFromFileSPDXID is missing. */
  readonly snippetPrecedingFile = new Map<Snippet, SpdxFile | undefined>();
  private readonly licenseCache = new Map<string, LicenseReading>();
  /** The last few distinct license texts read, compared where the value is written before a string is cut for the map. */
  private readonly recentLicenses: { text: string; reading: LicenseReading }[] = [];
  private nextRecentLicense = 0;
  /** Hashes of the package, file and snippet ids read, to tell at the end whether any repeats. */
  readonly idHashes = new IdHashes();
  private kept = 0;
  /** Characters of distinct license expressions the document may still have parsed. */
  private licenseBudget = LICENSE_PARSE_BUDGET;
  suppressed = 0;

  readonly reportAtValue: Report = (severity, code, message) => this.add(severity, code, message, this.lx.valueLine, this.lx.valueColumn);

  constructor(
    readonly lx: TagValueLexer,
    private readonly sink: DiagnosticSink,
  ) {}

  add(severity: Severity, code: string, message: string, line?: number, column?: number): void {
    if (this.kept >= MAX_DIAGNOSTICS) {
      this.suppressed++;
      return;
    }
    this.kept++;
    this.sink.add({ severity, code, message, line, column });
  }

  /** Past the cap: the one closing note that says how many were left out. */
  forceAdd(severity: Severity, code: string, message: string): void {
    this.sink.add({ severity, code, message });
  }

  /** A diagnostic at the current tag. */
  atTag(severity: Severity, code: string, message: string): void {
    this.add(severity, code, message, this.lx.line, this.lx.column);
  }

  /** The current entity when it is of `kind`; otherwise says why the field is ignored. */
  inScope<K extends EntityKind>(
    kind: K,
  ): (K extends 'package' ? Package : K extends 'file' ? SpdxFile : K extends 'snippet' ? Snippet : ExtractedLicensingInfo) | undefined {
    if (this.entityKind === kind) return this.entity as never;
    const where = this.entityKind ? `inside a ${this.entityKind} (started at line ${this.entity?.position?.line ?? '?'})` : 'before any element';
    this.atTag(
      'warning',
      'TAGVALUE_OUT_OF_SCOPE',
      `${this.lx.tag} belongs to a ${kind} but appears ${where}; ignored (is a ${ENTITY_START_TAG[kind]} line missing?)`,
    );
    return undefined;
  }

  /** Called when any element starts: closes an open file (the implied CONTAINS is decided then, as tools-python does). */
  beginElement(): void {
    if (this.openFile) this.closeFile(this.openFile);
    this.openFile = undefined;
    this.annotation = undefined;
    this.relationship = undefined;
  }

  setEntity(kind: EntityKind, entity: Entity): void {
    this.beginElement();
    if (this.entity) this.closeEntity(this.entity);
    this.entityKind = kind;
    this.entity = entity;
  }

  /** The element is complete (the next one starts, or the document ends): trim its arrays, check its fields. */
  closeEntity(entity: Entity): void {
    compactArrays(entity);
    if (!('elementType' in entity)) return;
    if (entity.elementType === 'package') checkPackage(this, entity);
    else if (entity.elementType === 'file') checkFile(this, entity);
  }

  /** Notes the current value as the id of a package, file or snippet. */
  noteElementId(id: string): void {
    this.idHashes.add(this.lx.valueSource, this.lx.valueStart, this.lx.valueStart + id.length);
  }

  /**
   * Lists the file under the package before it and adds the implied `package CONTAINS file`, unless that was
   * written earlier or already implied (the same file id listed under a package of the same id).
   */
  private closeFile(file: SpdxFile): void {
    const pkg = this.pkg;
    const fileId = file.spdxId;
    if (!pkg || !fileId || !pkg.spdxId) return;
    const pkgId = pkg.spdxId;
    if (this.filesOwner !== pkg) {
      this.flushFiles();
      this.filesOwner = pkg;
      this.filesOwnerList = this.packageFiles.get(pkgId) ?? EMPTY;
    }
    const list = this.filesOwnerList;
    const implied = !this.listed(pkgId, list, fileId) && !(this.containsWritten.size !== 0 && this.containsWritten.get(pkgId)?.has(fileId));
    this.filesOwnerList = append(list, fileId);
    if (implied) this.doc.relationships.push({ from: pkgId, type: 'CONTAINS', to: fileId, comment: undefined, position: file.position });
  }

  /** Stores the files of the package closeFile last listed: one map write per package, not one per file. */
  flushFiles(): void {
    const owner = this.filesOwner;
    if (owner !== undefined && this.filesOwnerList.length > 0) this.packageFiles.set(owner.spdxId, this.filesOwnerList);
  }

  /** Whether `fileId` is already in `list` (the files of package `pkgId`); long lists get a set. */
  private listed(pkgId: string, list: string[], fileId: string): boolean {
    if (list.length < SHORT_LIST) return list.includes(fileId);
    let set = this.longFileLists.get(pkgId);
    if (set === undefined) {
      set = new Set(list);
      this.longFileLists.set(pkgId, set);
    }
    if (set.has(fileId)) return true;
    set.add(fileId);
    return false;
  }

  /** Records a written `from CONTAINS to`: a file closed later under that package gets no implied copy. */
  noteContains(from: string, to: string): void {
    let targets = this.containsWritten.get(from);
    if (!targets) {
      targets = new Set();
      this.containsWritten.set(from, targets);
    }
    targets.add(to);
  }

  /**
   * `list` plus `item`, where an empty or one-item list of a common value (a constant or a cached license value)
   * becomes a shared frozen list: every file of a large SBOM listing `BINARY, APPLICATION` shares one.
   */
  appendShared<T>(list: T[], item: T): T[] {
    if (list.length === 0) {
      let single = this.singles.get(item);
      if (single === undefined) {
        if (this.singles.size >= SHARED_LIST_LIMIT) return [item];
        single = Object.freeze([item]) as unknown[];
        this.singles.set(item, single);
      }
      return single as T[];
    }
    if (list.length === 1) {
      const first = list[0];
      let byFirst = this.pairs.get(first);
      if (byFirst === undefined) {
        if (this.pairs.size >= SHARED_LIST_LIMIT) return [first!, item];
        byFirst = new Map();
        this.pairs.set(first, byFirst);
      }
      let pair = byFirst.get(item);
      if (pair === undefined) {
        if (byFirst.size >= SHARED_LIST_LIMIT) return [first!, item];
        pair = Object.freeze([first, item]) as unknown[];
        byFirst.set(item, pair);
      }
      return pair as T[];
    }
    return append(list, item);
  }

  /** Reads the current value as a license field, once per distinct text (documents repeat a few values thousands of times). */
  license(): Spdx<LicenseExpression> {
    const reading = this.recentLicense() ?? this.licenseReading(this.lx.value);
    for (const p of reading.problems) this.add('warning', p.code, p.message, this.lx.valueLine, this.lx.valueColumn);
    return reading.value;
  }

  /** The reading of the current value if it is one of the recent license texts, found without cutting a string. */
  private recentLicense(): LicenseReading | undefined {
    const { valueSource, valueStart, valueEnd } = this.lx;
    const recent = this.recentLicenses;
    for (let i = 0; i < recent.length; i++) {
      const text = recent[i]!.text;
      if (text.length === valueEnd - valueStart && valueSource.startsWith(text, valueStart)) return recent[i]!.reading;
    }
    return undefined;
  }

  private licenseReading(value: string): LicenseReading {
    let reading = this.licenseCache.get(value);
    if (!reading) {
      reading = this.parseLicenseWithinBudget(value);
      this.licenseCache.set(value, reading);
    }
    const recent = { text: value, reading };
    if (this.recentLicenses.length < RECENT_LICENSES) this.recentLicenses.push(recent);
    else this.recentLicenses[this.nextRecentLicense++ % RECENT_LICENSES] = recent;
    return reading;
  }

  /**
   * The expression parser's cost grows faster than the text, so a hostile document of many long, distinct
   * expressions could stall parsing: long ones and those past a per-document budget are kept as text only.
   */
  private parseLicenseWithinBudget(value: string): LicenseReading {
    if (value.length > MAX_LICENSE_EXPRESSION || this.licenseBudget < value.length) {
      const problem: LicenseProblem = {
        code: 'LICENSE_EXPRESSION_TOO_LONG',
        message:
          value.length > MAX_LICENSE_EXPRESSION
            ? `license expression of ${value.length} characters is longer than ${MAX_LICENSE_EXPRESSION}; kept as text, not parsed`
            : 'too many distinct long license expressions in this document; this one is kept as text, not parsed',
      };
      return { value: { text: value.trim() }, problems: [problem] };
    }
    this.licenseBudget -= value.length;
    const parsed = licenseFieldValue(value);
    return { value: parsed, problems: licenseProblems(parsed) };
  }

  /** Warns when a single-valued field is written twice; true when the new value should be ignored. */
  duplicate(existing: unknown): boolean {
    if (existing === undefined) return false;
    this.atTag('warning', 'TAGVALUE_DUPLICATE_FIELD', `${this.lx.tag} is given more than once for this element; the first value is kept`);
    return true;
  }

  /** Empty values carry nothing; say so and skip them. */
  emptyValue(): boolean {
    if (this.lx.valueEnd !== this.lx.valueStart) return false;
    this.atTag('warning', 'TAGVALUE_EMPTY_VALUE', `${this.lx.tag} has an empty value; ignored`);
    return true;
  }

  quote(value: string): string {
    return quote(value);
  }
}

/**
 * Element arrays start as the model's shared, frozen empty list and are replaced, not pushed to, while short:
 * pushed arrays keep 16 spare slots, and replacing them later leaves old-generation garbage. A list that stays
 * empty stays the shared one (see EMPTY_LIST in model.ts).
 */
export const EMPTY: never[] = EMPTY_LIST;
/** Below this length a package's file list is searched; from it on, a set answers. */
const SHORT_LIST = 16;
/** Distinct values with shared one-item lists (and first values with shared pairs), so the caches stay small. */
const SHARED_LIST_LIMIT = 256;

/** Adds an item, giving short arrays their exact size (three checksums are common, sixteen spare slots are not). */
export function append<T>(array: T[], item: T): T[] {
  switch (array.length) {
    case 0:
      return [item];
    case 1:
      return [array[0]!, item];
    case 2:
      return [array[0]!, array[1]!, item];
    default:
      array.push(item);
      return array;
  }
}

function own<T>(array: T[]): T[] {
  return array.length > 3 ? array.slice() : array;
}

/** Trims arrays that grew by push. */
export function compactArrays(entity: Entity): void {
  if (!('elementType' in entity)) {
    entity.crossRefs = own(entity.crossRefs);
    return;
  }
  entity.attributionTexts = own(entity.attributionTexts);
  entity.annotations = own(entity.annotations);
  if (entity.elementType === 'package') {
    entity.checksums = own(entity.checksums);
    entity.licenseInfoFromFiles = own(entity.licenseInfoFromFiles);
    entity.externalRefs = own(entity.externalRefs);
  } else if (entity.elementType === 'file') {
    entity.fileTypes = own(entity.fileTypes);
    entity.checksums = own(entity.checksums);
    entity.licenseInfoInFiles = own(entity.licenseInfoInFiles);
    entity.contributors = own(entity.contributors);
    if (entity.dependencies) entity.dependencies = own(entity.dependencies);
  } else {
    entity.ranges = own(entity.ranges);
    entity.licenseInfoInSnippets = own(entity.licenseInfoInSnippets);
  }
}
