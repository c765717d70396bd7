// Readers for the structured values of tag-value lines: actors, dates, checksums, references, ranges.
// Each reads leniently, returns what it could, and reports deviations through `report`.
import { parseActorText } from '../field-values.js';
import { quote } from '../license-checks.js';
import { TagTable } from './tag-table.js';
import { CHECKSUM_ALGORITHMS, type Actor, type Checksum, type ExternalPackageRef, type PackageVerificationCode } from '../model.js';

export type Report = (severity: 'error' | 'warning' | 'info', code: string, message: string) => void;

/** `Person: Jane Doe (jane@example.com)`, `Organization: X ()`, `Tool: name-1.0`; one reader for every format. */
export function readActor(value: string, report: Report): Actor {
  return parseActorText(value, (code, message) => report('warning', `TAGVALUE_${code}`, message));
}

const STRICT_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const LENIENT_DATE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** SPDX dates are `YYYY-MM-DDThh:mm:ssZ`; fractional seconds and offsets are read with a warning. */
export function readDate(value: string, report: Report): string {
  if (STRICT_DATE.test(value)) return value;
  if (LENIENT_DATE.test(value)) {
    report('warning', 'TAGVALUE_DATE_FORMAT', `date ${quote(value)} is not in the form YYYY-MM-DDThh:mm:ssZ; read as written`);
  } else {
    report('warning', 'TAGVALUE_BAD_DATE', `${quote(value)} is not a date (expected YYYY-MM-DDThh:mm:ssZ)`);
  }
  return value;
}

/** Algorithm names by their upper-case, dash-free spelling, for lenient matching. */
const ALGORITHM_BY_LOOSE_NAME = new Map(CHECKSUM_ALGORITHMS.map((a) => [a.toUpperCase().replace(/-/g, ''), a]));

const ALGORITHM_TABLE = new TagTable(CHECKSUM_ALGORITHMS);

/**
 * `SHA256: hex`, written at t[start, end) (the lexer's valueSource, valueStart and valueEnd): read there, with
 * only the hex cut out. Undefined when the value has no `ALGORITHM:` part.
 */
export function readChecksum(t: string, start: number, end: number, report: Report): Checksum | undefined {
  const colon = t.indexOf(':', start);
  if (colon === -1 || colon >= end) {
    report('error', 'TAGVALUE_BAD_CHECKSUM', `checksum ${quote(t.slice(start, end))} is not in the form ALGORITHM: hex`);
    return undefined;
  }
  let algorithmEnd = colon;
  while (algorithmEnd > start && isBlank(t.charCodeAt(algorithmEnd - 1))) algorithmEnd--;
  const hexStart = skipBlanks(t, colon + 1, end);
  const hex = t.slice(hexStart, end);
  let algorithm: string | undefined = ALGORITHM_TABLE.find(t, start, algorithmEnd);
  if (algorithm === undefined) {
    const written = t.slice(start, algorithmEnd).trim();
    const known = ALGORITHM_BY_LOOSE_NAME.get(written.toUpperCase().replace(/-/g, ''));
    if (known) {
      report('warning', 'TAGVALUE_CHECKSUM_ALGORITHM', `checksum algorithm ${quote(written)} should be written ${known}`);
    } else {
      report('warning', 'TAGVALUE_CHECKSUM_ALGORITHM', `unknown checksum algorithm ${quote(written)}; kept as written`);
    }
    algorithm = known ?? written;
  }
  return { algorithm, value: isLowerHex(t, hexStart, end) ? hex : lowerHex(hex, report) };
}

/** 1 for the characters 0-9 and a-f. */
const LOWER_HEX_DIGIT = new Uint8Array(128);
for (const c of '0123456789abcdef') LOWER_HEX_DIGIT[c.charCodeAt(0)] = 1;

/** Whether text[start, end) is non-empty lower-case hex; scanning the flat text is several times faster than a regular expression on the slice. */
function isLowerHex(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c > 102 || LOWER_HEX_DIGIT[c] === 0) return false;
  }
  return true;
}

/** Lower-cases hex (the usual lower-case value never gets here) and reports non-hex characters. */
function lowerHex(hex: string, report: Report): string {
  let upper = false;
  for (let i = 0; i < hex.length; i++) {
    const c = hex.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 97 && c <= 102)) continue;
    if (c >= 65 && c <= 70) {
      upper = true;
      continue;
    }
    report('warning', 'TAGVALUE_CHECKSUM_VALUE', `checksum value ${quote(hex)} is not hexadecimal`);
    return hex;
  }
  if (hex.length === 0) report('warning', 'TAGVALUE_CHECKSUM_VALUE', 'checksum value is empty');
  return upper ? hex.toLowerCase() : hex;
}

/** Splits on runs of blanks, at most `max` parts (the last keeps the rest). */
export function splitBlank(value: string, max: number): string[] {
  const parts: string[] = [];
  let i = 0;
  const len = value.length;
  while (i < len) {
    i = skipBlanks(value, i, len);
    if (i >= len) break;
    if (parts.length === max - 1) {
      parts.push(value.slice(i).trimEnd());
      break;
    }
    const j = skipWord(value, i, len);
    parts.push(value.slice(i, j));
    i = j;
  }
  return parts;
}

export function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

const REF_CATEGORIES = new Set(['SECURITY', 'PACKAGE-MANAGER', 'PERSISTENT-ID', 'OTHER']);
const REF_CATEGORY_TABLE = new TagTable(REF_CATEGORIES);
/** The reference types SPDX 2.3 lists: read as shared constants rather than cut per reference. */
const REF_TYPE_TABLE = new TagTable([
  'cpe22Type',
  'cpe23Type',
  'advisory',
  'fix',
  'url',
  'swid',
  'maven-central',
  'npm',
  'nuget',
  'bower',
  'purl',
  'swh',
  'gitoid',
]);

/**
 * `CATEGORY TYPE LOCATOR`, written at t[start, end) (see readChecksum); PACKAGE_MANAGER and lower case are read
 * with a warning. The words are found and cut where they are written.
 */
export function readExternalRef(t: string, start: number, end: number, report: Report): ExternalPackageRef | undefined {
  const categoryStart = skipBlanks(t, start, end);
  const categoryEnd = skipWord(t, categoryStart, end);
  const typeStart = skipBlanks(t, categoryEnd, end);
  const typeEnd = skipWord(t, typeStart, end);
  const locatorStart = skipBlanks(t, typeEnd, end);
  if (locatorStart >= end) {
    report('error', 'TAGVALUE_BAD_EXTERNAL_REF', `ExternalRef ${quote(t.slice(start, end))} is not in the form CATEGORY TYPE LOCATOR`);
    return undefined;
  }
  let category = REF_CATEGORY_TABLE.find(t, categoryStart, categoryEnd) ?? t.slice(categoryStart, categoryEnd);
  if (!REF_CATEGORIES.has(category)) {
    const normal = category.toUpperCase().replace(/_/g, '-');
    if (REF_CATEGORIES.has(normal)) {
      report('warning', 'TAGVALUE_REF_CATEGORY', `external reference category ${quote(category)} should be written ${normal}`);
      category = normal;
    } else {
      report('warning', 'TAGVALUE_REF_CATEGORY', `unknown external reference category ${quote(category)}; kept as written`);
    }
  }
  const type = REF_TYPE_TABLE.find(t, typeStart, typeEnd) ?? t.slice(typeStart, typeEnd);
  let locator = t.slice(locatorStart, end);
  // The lexer trims blanks; any other trailing white space goes too (as String.prototype.trimEnd does).
  const last = t.charCodeAt(end - 1);
  if (last <= 32 || last >= 127) locator = locator.trimEnd();
  if (hasWhiteSpace(t, locatorStart, end) && /\s/.test(locator)) {
    report('warning', 'TAGVALUE_BAD_EXTERNAL_REF', `ExternalRef locator ${quote(locator)} contains blanks`);
  }
  return { category, type, locator, comment: undefined };
}

/** The index after the blanks (space, tab) at i, up to end. */
export function skipBlanks(t: string, i: number, end: number): number {
  while (i < end && isBlank(t.charCodeAt(i))) i++;
  return i;
}
/** The index after the non-blank run at i, up to end. */
export function skipWord(t: string, i: number, end: number): number {
  while (i < end && !isBlank(t.charCodeAt(i))) i++;
  return i;
}
/** Whether text[start, end) may hold white space: an ASCII control or blank, or any non-ASCII character. */
function hasWhiteSpace(t: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = t.charCodeAt(i);
    if (c <= 32 || c >= 127) return true;
  }
  return false;
}

/** `hex (excludes: a, b)`; also the `hex(./file)` form of the official examples. */
export function readVerificationCode(value: string, report: Report): PackageVerificationCode {
  const open = value.indexOf('(');
  const hex = (open === -1 ? value : value.slice(0, open)).trim();
  const excludedFiles: string[] = [];
  if (open !== -1) {
    const close = value.lastIndexOf(')');
    let inner = value.slice(open + 1, close > open ? close : undefined).trim();
    if (inner.toLowerCase().startsWith('excludes:')) inner = inner.slice('excludes:'.length);
    for (const name of inner.split(',')) if (name.trim()) excludedFiles.push(name.trim());
  }
  if (!/^[0-9a-fA-F]{40}$/.test(hex)) {
    report('warning', 'TAGVALUE_VERIFICATION_CODE', `package verification code ${quote(hex)} is not 40 hex digits`);
  }
  return { value: hex.toLowerCase(), excludedFiles };
}

/** `start:end`, both positive integers. */
export function readRange(value: string, report: Report): { start: number; end: number } | undefined {
  const m = /^\s*(\d+)\s*:\s*(\d+)\s*$/.exec(value);
  if (!m) {
    report('error', 'TAGVALUE_BAD_RANGE', `range ${quote(value)} is not in the form start:end`);
    return undefined;
  }
  const start = Number(m[1]);
  const end = Number(m[2]);
  if (end < start) report('warning', 'TAGVALUE_BAD_RANGE', `range ${quote(value)} ends before it starts`);
  return { start, end };
}

/**
 * The enumerated value written at t[start, end), upper-cased (and `_` to `-` when asked), saying so when the writer
 * did not. Known values come back as the shared constant, found in place.
 */
export function readEnum(t: string, start: number, end: number, allowed: TagTable, what: string, report: Report, underscoreToDash = false): string {
  const known = allowed.find(t, start, end);
  if (known !== undefined) return known;
  const value = t.slice(start, end);
  let normal = value.toUpperCase();
  if (underscoreToDash) normal = normal.replace(/_/g, '-');
  if (allowed.has(normal)) {
    report('warning', 'TAGVALUE_ENUM_CASE', `${what} ${quote(value)} should be written ${normal}`);
    return normal;
  }
  report('warning', 'TAGVALUE_UNKNOWN_VALUE', `unknown ${what} ${quote(value)}; kept as written`);
  return value;
}
