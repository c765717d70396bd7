// What the object converter carries around: the diagnostic sink and a way to turn a field path into a position.
import type { DiagnosticSink, Severity } from '../diagnostics.js';
import { CHECKSUM_ALGORITHMS, type Actor, type LicenseExpression, type SourcePosition, type Spdx } from '../model.js';

/** Finds where a field path (`packages[3].checksums[0]`) sits in the source text; undefined when unknown. */
export type Locator = (path: string) => SourcePosition | undefined;

const MAX_LOCATED = 20_000;

export class ConvertContext {
  /** License texts already parsed in this document (parsed values are shared, never mutated). */
  readonly licenses = new Map<string, Spdx<LicenseExpression>>();
  /** One frozen one-item list per license text, shared by the elements that list only it (see EMPTY_LIST). */
  readonly singleLicenseLists = new Map<string, readonly Spdx<LicenseExpression>[]>();
  /** Actor texts already read without complaint in this document. */
  readonly actors = new Map<string, Actor>();
  readonly algorithms: ReadonlySet<string> = new Set(CHECKSUM_ALGORITHMS);

  constructor(
    readonly sink: DiagnosticSink,
    /** Prefix for codes: JSON, YAML or XML, so a user sees which reader spoke. */
    readonly format: 'JSON' | 'YAML' | 'XML',
    private readonly locate: Locator = () => undefined,
    /** Whether elements get a `position` (costly for huge JSON documents, so the caller decides). */
    readonly elementPositions = false,
    /** XML and YAML (read with the failsafe schema) give every scalar as text; booleans and numbers are then read from it. */
    readonly scalarsAreText = false,
  ) {}

  private located = 0;

  report(severity: Severity, code: string, message: string, path: string): void {
    // Positions cost a walk of the text (and its caches); past this many, diagnostics keep only their path.
    const at = path && this.located++ < MAX_LOCATED ? this.locate(path) : undefined;
    this.sink.add({ severity, code, message, path: path || undefined, line: at?.line, column: at?.column });
  }
  warn(code: string, message: string, path: string): void {
    this.report('warning', code, message, path);
  }
  error(code: string, message: string, path: string): void {
    this.report('error', code, message, path);
  }
  positionOf(path: string): SourcePosition | undefined {
    return this.elementPositions ? this.locate(path) : undefined;
  }
}

/** Splits `packages[3].checksums[0]` into ['packages', 3, 'checksums', 0]. */
export function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}
