// Every problem a parser or validator finds, with where it is; collected, never thrown.

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable, upper snake case, e.g. TAGVALUE_UNKNOWN_TAG, JSON_SYNTAX, MISSING_REQUIRED_FIELD. */
  code: string;
  /** One line, says what is wrong and, where useful, what was expected. */
  message: string;
  /** 1-based, when the format has lines. */
  line?: number;
  /** 1-based. */
  column?: number;
  /** Path into the document for structured formats, e.g. `packages[3].checksums[0]`. */
  path?: string;
}

/** Collects diagnostics in order; parsers pass one around instead of throwing. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  add(diagnostic: Diagnostic): void {
    this.items.push(diagnostic);
  }
  error(code: string, message: string, where: Partial<Pick<Diagnostic, 'line' | 'column' | 'path'>> = {}): void {
    this.add({ severity: 'error', code, message, ...where });
  }
  warning(code: string, message: string, where: Partial<Pick<Diagnostic, 'line' | 'column' | 'path'>> = {}): void {
    this.add({ severity: 'warning', code, message, ...where });
  }
  info(code: string, message: string, where: Partial<Pick<Diagnostic, 'line' | 'column' | 'path'>> = {}): void {
    this.add({ severity: 'info', code, message, ...where });
  }
  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}

/** `file:line:column: severity CODE message`, the form editors and CI logs recognise. */
export function formatDiagnostic(d: Diagnostic, fileName?: string): string {
  const where = [fileName, d.line, d.line !== undefined ? d.column : undefined].filter((x) => x !== undefined).join(':');
  return `${where ? `${where}: ` : ''}${d.severity} ${d.code}: ${d.message}${d.path ? ` (at ${d.path})` : ''}`;
}
