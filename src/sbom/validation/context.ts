// What every validation rule shares: the document, the rules of its SPDX version, and the diagnostics so far.
import type { Diagnostic, Severity } from '../../../parsers/diagnostics.js';
import type { SourcePosition, SpdxDocument } from '../../../parsers/model.js';

export interface VersionRules {
  /** As written, e.g. `SPDX-2.3`. */
  written: string;
  /** Minor version (0-3) when the version is a known SPDX 2.x one. */
  minor?: number;
  /** Fields and values added in 2.3 are allowed. */
  allows23: boolean;
  /** 2.2 and earlier require license and copyright fields that 2.3 made optional. */
  strictLicensing: boolean;
}

const VERSION = /^SPDX-2\.([0-3])$/;

export function versionRules(written: string): VersionRules {
  const m = VERSION.exec(written);
  if (!m) return { written, allows23: true, strictLicensing: false };
  const minor = Number(m[1]);
  return { written, minor, allows23: minor >= 3, strictLicensing: minor <= 2 };
}

export class Validation {
  readonly items: Diagnostic[] = [];
  constructor(
    readonly doc: SpdxDocument,
    readonly rules: VersionRules,
  ) {}

  add(severity: Severity, code: string, message: string, path?: string, position?: SourcePosition): void {
    const d: Diagnostic = { severity, code, message };
    if (position) {
      d.line = position.line;
      if (position.column !== undefined) d.column = position.column;
    }
    if (path) d.path = path;
    this.items.push(d);
  }
  error(code: string, message: string, path?: string, position?: SourcePosition): void {
    this.add('error', code, message, path, position);
  }
  warning(code: string, message: string, path?: string, position?: SourcePosition): void {
    this.add('warning', code, message, path, position);
  }
}

/** Quotes a document value for a message, cut short. */
export function q(value: string, max = 80): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}

export const SPDX_ID = /^SPDXRef-[A-Za-z0-9.-]+$/;
export const DOCUMENT_REF_ID = /^DocumentRef-[A-Za-z0-9.-]+$/;
export const LICENSE_REF_ID = /^LicenseRef-[A-Za-z0-9.-]+$/;
export const STRICT_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/;
