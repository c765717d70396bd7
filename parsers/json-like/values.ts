// Readers for the scalar and small structured values of SPDX JSON/YAML/XML objects. Each is lenient: it returns
// what it could read and reports a deviation with the field's path.
import { licenseFieldValue } from '../license-expression.js';
import { looseEnumMatch, normaliseChecksumAlgorithm, parseActorText } from '../field-values.js';
import {
  NOASSERTION,
  NONE,
  type Actor,
  type Checksum,
  type LicenseExpression,
  type Spdx,
  type SpdxOrNoAssertion,
} from '../model.js';
import { childPath, type ConvertContext } from './context.js';

export type Obj = Record<string, unknown>;

export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Shortens a document value for a message so a huge value never floods a diagnostic. */
export function show(value: unknown, max = 60): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

/** A string field; numbers and booleans are accepted (with a warning), anything else is dropped. */
export function str(ctx: ConvertContext, value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') {
    ctx.warn(`${ctx.format}_WRONG_TYPE`, `expected a string, found ${typeof value} ${String(value)}; read as text`, path);
    return String(value);
  }
  ctx.warn(`${ctx.format}_WRONG_TYPE`, `expected a string, found ${Array.isArray(value) ? 'an array' : 'an object'}; ignored`, path);
  return undefined;
}

/** A list of strings; a lone string is accepted as a one-element list (a common deviation). */
export function strList(ctx: ConvertContext, value: unknown, path: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    const one = str(ctx, value, path);
    if (one === undefined) return [];
    ctx.warn(`${ctx.format}_NOT_A_LIST`, `expected a list, found a single ${typeof value}; read as a one-element list`, path);
    return [one];
  }
  const out: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    if (typeof item === 'string') out.push(item);
    else {
      const s = str(ctx, item, `${path}[${i}]`);
      if (s !== undefined) out.push(s);
    }
  }
  return out;
}

/** A list of objects; a lone object is accepted as a one-element list. Non-objects are dropped with an error. */
export function objList(ctx: ConvertContext, value: unknown, path: string): Obj[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    if (isObject(value)) {
      ctx.warn(`${ctx.format}_NOT_A_LIST`, 'expected a list, found a single object; read as a one-element list', path);
      return [value];
    }
    ctx.error(`${ctx.format}_WRONG_TYPE`, `expected a list of objects, found ${show(value)}; ignored`, path);
    return [];
  }
  for (let i = 0; i < value.length; i++) {
    if (!isObject(value[i])) {
      ctx.error(`${ctx.format}_WRONG_TYPE`, `expected an object, found ${show(value[i])}; ignored`, `${path}[${i}]`);
      return value.filter(isObject);
    }
  }
  return value as Obj[];
}

/** A field that may be NOASSERTION or NONE. */
export function spdxStr(ctx: ConvertContext, value: unknown, path: string): Spdx<string> | undefined {
  const s = str(ctx, value, path);
  if (s === 'NOASSERTION') return NOASSERTION;
  if (s === 'NONE') return NONE;
  return s;
}

export function license(ctx: ConvertContext, value: unknown, path: string): Spdx<LicenseExpression> | undefined {
  const s = str(ctx, value, path);
  if (s === undefined) return undefined;
  const parsed = licenseFieldValue(s);
  if (!('kind' in parsed) && !parsed.parsed) {
    ctx.warn('LICENSE_EXPRESSION_INVALID', `${show(s)} is not a valid SPDX license expression; kept as text`, path);
  }
  return parsed;
}

export function licenseList(ctx: ConvertContext, value: unknown, path: string): Spdx<LicenseExpression>[] {
  const texts = strList(ctx, value, path);
  const out: Spdx<LicenseExpression>[] = [];
  for (let i = 0; i < texts.length; i++) out.push(license(ctx, texts[i], `${path}[${i}]`)!);
  return out;
}

export function bool(ctx: ConvertContext, value: unknown, path: string): boolean | undefined {
  if (typeof value === 'boolean' || value === undefined || value === null) return value ?? undefined;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) {
    if (ctx.scalarsAreText && /^(true|false)$/.test(value.trim())) return value.trim() === 'true';
    ctx.warn(`${ctx.format}_WRONG_TYPE`, `expected a boolean, found the string ${show(value)}; read as a boolean`, path);
    return value.trim().toLowerCase() === 'true';
  }
  ctx.warn(`${ctx.format}_WRONG_TYPE`, `expected a boolean, found ${show(value)}; ignored`, path);
  return undefined;
}

export function int(ctx: ConvertContext, value: unknown, path: string): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) {
    if (ctx.scalarsAreText) return Number(value);
    ctx.warn(`${ctx.format}_WRONG_TYPE`, `expected a number, found the string ${show(value)}; read as a number`, path);
    return Number(value);
  }
  if (value !== undefined && value !== null) ctx.warn(`${ctx.format}_WRONG_TYPE`, `expected an integer, found ${show(value)}`, path);
  return undefined;
}

const STRICT_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** SPDX dates are `YYYY-MM-DDThh:mm:ssZ`; anything else is kept as written with a warning. */
export function date(ctx: ConvertContext, value: unknown, path: string): string | undefined {
  const s = str(ctx, value, path);
  if (s !== undefined && !STRICT_DATE.test(s)) {
    ctx.warn('DATE_FORMAT', `date ${show(s)} is not in the form YYYY-MM-DDThh:mm:ssZ; read as written`, path);
  }
  return s;
}

/** `Person: Jane Doe (jane@example.com)`, `Organization: X ()`, `Tool: name-1.0`. */
export function actorFromText(ctx: ConvertContext, text: string, path: string): Actor {
  return parseActorText(text, (code, message) => ctx.warn(code, message, path));
}

export function actor(ctx: ConvertContext, value: unknown, path: string): SpdxOrNoAssertion<Actor> | undefined {
  const s = str(ctx, value, path);
  if (s === undefined) return undefined;
  if (s.trim() === '') {
    ctx.warn('EMPTY_VALUE', 'empty actor; read as absent', path);
    return undefined;
  }
  if (s.trim() === 'NOASSERTION') return NOASSERTION;
  return actorFromText(ctx, s, path);
}

export function checksumAlgorithm(ctx: ConvertContext, written: string, path: string): string {
  return normaliseChecksumAlgorithm(written, (code, message) => ctx.warn(code, message, path));
}

/** `{algorithm, checksumValue}`; undefined (with an error) when either part is missing. */
export function checksum(ctx: ConvertContext, value: unknown, path: string): Checksum | undefined {
  if (!isObject(value)) {
    ctx.error(`${ctx.format}_WRONG_TYPE`, `expected a checksum object, found ${show(value)}`, path);
    return undefined;
  }
  const algorithm = str(ctx, value.algorithm, childPath(path, 'algorithm'));
  const hex = str(ctx, value.checksumValue, childPath(path, 'checksumValue'));
  if (algorithm === undefined || hex === undefined) {
    ctx.error('MISSING_REQUIRED_FIELD', `checksum needs both algorithm and checksumValue`, path);
    return undefined;
  }
  for (const key in value) {
    if (key !== 'algorithm' && key !== 'checksumValue') unknownKey(ctx, key, path);
  }
  return { algorithm: checksumAlgorithm(ctx, algorithm, childPath(path, 'algorithm')), value: hex.trim().toLowerCase() };
}

export function checksums(ctx: ConvertContext, value: unknown, path: string): Checksum[] {
  const out: Checksum[] = [];
  const list = objList(ctx, value, path);
  for (let i = 0; i < list.length; i++) {
    const c = checksum(ctx, list[i], `${path}[${i}]`);
    if (c) out.push(c);
  }
  return out;
}

/**
 * An enumerated value: exact match, or a match after upper-casing and `_` -> `-` (or the reverse), with a warning;
 * an unknown value is kept as written with a warning.
 */
export function enumValue(ctx: ConvertContext, value: unknown, allowed: ReadonlySet<string>, what: string, path: string): string | undefined {
  const s = str(ctx, value, path);
  if (s === undefined || allowed.has(s)) return s;
  const candidate = looseEnumMatch(s, allowed);
  if (candidate) {
    // `PACKAGE_MANAGER` for `PACKAGE-MANAGER` is allowed by the 2.2/2.3 JSON schemas; a case difference is not.
    const code = s.toUpperCase() === candidate ? 'ENUM_SPELLING' : 'ENUM_SEPARATOR';
    ctx.warn(code, `${what} ${show(s)} should be written ${candidate}`, path);
    return candidate;
  }
  ctx.warn('ENUM_UNKNOWN', `unknown ${what} ${show(s)}; kept as written`, path);
  return s;
}

export function unknownKey(ctx: ConvertContext, key: string, base: string): void {
  ctx.warn(`${ctx.format}_UNKNOWN_FIELD`, `unknown field ${show(key)}; ignored`, childPath(base, key));
}

/** Warns about each key of `obj` not in `known`. */
export function checkKeys(ctx: ConvertContext, obj: Obj, known: ReadonlySet<string>, base: string): void {
  for (const key in obj) if (!known.has(key)) unknownKey(ctx, key, base);
}

export function requireField(ctx: ConvertContext, value: unknown, key: string, base: string, what: string): void {
  if (value === undefined || value === null || value === '') {
    ctx.warn('MISSING_REQUIRED_FIELD', `${what} has no ${key}`, childPath(base, key));
  }
}
