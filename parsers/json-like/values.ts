// Readers for the scalar and small structured values of SPDX JSON/YAML/XML objects. Each is lenient: it returns
// what it could read and reports a deviation with the field's path. Hot path: a well-formed value costs a type
// check; the path string (`base.key`, `base[i]`) is only built when a diagnostic needs it.
import { looseEnumMatch, parseActorText } from '../field-values.js';
import { licenseFieldValue } from '../license-expression.js';
import { EMPTY_LIST, NOASSERTION, NONE, type Actor, type LicenseExpression, type Spdx, type SpdxOrNoAssertion } from '../model.js';
import type { ConvertContext } from './context.js';

export type Obj = Record<string, unknown>;
type Key = string | number | undefined;

export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Shortens a document value for a message so a huge value never floods a diagnostic. */
export function show(value: unknown, max = 60): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

/** A field's path, built only when a diagnostic needs it: `base.key`, `base[index]`, or `base`. */
export function at(base: string, key?: Key): string {
  if (key === undefined) return base;
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

/** A string field; numbers and booleans are accepted (with a warning), anything else is dropped. */
export function str(ctx: ConvertContext, value: unknown, base: string, key?: Key): string | undefined {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') {
    ctx.warn(`${ctx.format}_WRONG_TYPE`, `expected a string, found ${typeof value} ${String(value)}; read as text`, at(base, key));
    return String(value);
  }
  ctx.warn(`${ctx.format}_WRONG_TYPE`, `expected a string, found ${Array.isArray(value) ? 'an array' : 'an object'}; ignored`, at(base, key));
  return undefined;
}

/** A list of strings; a lone string is accepted as a one-element list (a common deviation). */
export function strList(ctx: ConvertContext, value: unknown, base: string, key?: Key): string[] {
  if (value === undefined || value === null) return EMPTY_LIST;
  if (!Array.isArray(value)) {
    const one = str(ctx, value, base, key);
    if (one === undefined) return [];
    ctx.warn(`${ctx.format}_NOT_A_LIST`, `expected a list, found a single ${typeof value}; read as a one-element list`, at(base, key));
    return [one];
  }
  for (let i = 0; i < value.length; i++) {
    if (typeof value[i] !== 'string') {
      const path = at(base, key);
      const out: string[] = [];
      for (let j = 0; j < value.length; j++) {
        const s = str(ctx, value[j], path, j);
        if (s !== undefined) out.push(s);
      }
      return out;
    }
  }
  // The parsed list belongs to the caller's freshly parsed tree, which is discarded: kept rather than copied.
  return value as string[];
}

/** A list of objects; a lone object is accepted as a one-element list. Non-objects are dropped with an error. */
export function objList(ctx: ConvertContext, value: unknown, base: string, key?: Key): Obj[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    if (isObject(value)) {
      ctx.warn(`${ctx.format}_NOT_A_LIST`, 'expected a list, found a single object; read as a one-element list', at(base, key));
      return [value];
    }
    ctx.error(`${ctx.format}_WRONG_TYPE`, `expected a list of objects, found ${show(value)}; ignored`, at(base, key));
    return [];
  }
  for (let i = 0; i < value.length; i++) {
    if (!isObject(value[i])) {
      ctx.error(`${ctx.format}_WRONG_TYPE`, `expected an object, found ${show(value[i])}; ignored`, at(at(base, key), i));
      return value.filter(isObject);
    }
  }
  return value as Obj[];
}

/** A field that may be NOASSERTION or NONE. */
export function spdxStr(ctx: ConvertContext, value: unknown, base: string, key?: Key): Spdx<string> | undefined {
  const s = typeof value === 'string' ? value : str(ctx, value, base, key);
  if (s === 'NOASSERTION') return NOASSERTION;
  if (s === 'NONE') return NONE;
  return s;
}

/** A license field; the same text is parsed once per document (SBOMs repeat a handful of expressions). */
export function license(ctx: ConvertContext, value: unknown, base: string, key?: Key): Spdx<LicenseExpression> | undefined {
  const s = typeof value === 'string' ? value : str(ctx, value, base, key);
  if (s === undefined) return undefined;
  let parsed = ctx.licenses.get(s);
  if (parsed === undefined) {
    parsed = licenseFieldValue(s);
    ctx.licenses.set(s, parsed);
  }
  if (!('kind' in parsed) && !parsed.parsed) {
    ctx.warn('LICENSE_EXPRESSION_INVALID', `${show(s)} is not a valid SPDX license expression; kept as text`, at(base, key));
  }
  return parsed;
}

export function licenseList(ctx: ConvertContext, value: unknown, base: string, key?: Key): Spdx<LicenseExpression>[] {
  const texts: unknown[] = Array.isArray(value) ? value : strList(ctx, value, base, key);
  // Hot path: every text already parsed cleanly in this document; `map` sizes the array exactly.
  let known = true;
  for (let i = 0; i < texts.length && known; i++) {
    const text = texts[i];
    const parsed = typeof text === 'string' ? ctx.licenses.get(text) : undefined;
    known = parsed !== undefined && ('kind' in parsed || parsed.parsed !== undefined);
  }
  if (known) {
    if (texts.length === 0) return EMPTY_LIST;
    if (texts.length === 1) return singleLicenseList(ctx, texts[0] as string);
    return texts.map((text) => ctx.licenses.get(text as string)!);
  }
  const out: Spdx<LicenseExpression>[] = [];
  for (let i = 0; i < texts.length; i++) {
    const parsed = license(ctx, texts[i], at(base, key), i);
    if (parsed !== undefined) out.push(parsed);
  }
  return out;
}

/** The shared frozen list holding only the (already parsed) license `text`: most elements list one common value. */
function singleLicenseList(ctx: ConvertContext, text: string): Spdx<LicenseExpression>[] {
  let list = ctx.singleLicenseLists.get(text);
  if (list === undefined) {
    list = Object.freeze([ctx.licenses.get(text)!]) as Spdx<LicenseExpression>[];
    ctx.singleLicenseLists.set(text, list);
  }
  return list;
}

export function bool(ctx: ConvertContext, value: unknown, base: string, key?: Key): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) {
    if (ctx.scalarsAreText && /^(true|false)$/.test(value.trim())) return value.trim() === 'true';
    ctx.warn(`${ctx.format}_WRONG_TYPE`, `expected a boolean, found the string ${show(value)}; read as a boolean`, at(base, key));
    return value.trim().toLowerCase() === 'true';
  }
  ctx.warn(`${ctx.format}_WRONG_TYPE`, `expected a boolean, found ${show(value)}; ignored`, at(base, key));
  return undefined;
}

export function int(ctx: ConvertContext, value: unknown, base: string, key?: Key): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) {
    if (ctx.scalarsAreText) return Number(value);
    ctx.warn(`${ctx.format}_WRONG_TYPE`, `expected a number, found the string ${show(value)}; read as a number`, at(base, key));
    return Number(value);
  }
  if (value !== undefined && value !== null) ctx.warn(`${ctx.format}_WRONG_TYPE`, `expected an integer, found ${show(value)}`, at(base, key));
  return undefined;
}

const STRICT_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** SPDX dates are `YYYY-MM-DDThh:mm:ssZ`; anything else is kept as written with a warning. */
export function date(ctx: ConvertContext, value: unknown, base: string, key?: Key): string | undefined {
  const s = typeof value === 'string' ? value : str(ctx, value, base, key);
  if (s !== undefined && !STRICT_DATE.test(s)) {
    ctx.warn('DATE_FORMAT', `date ${show(s)} is not in the form YYYY-MM-DDThh:mm:ssZ; read as written`, at(base, key));
  }
  return s;
}

/** `Person: Jane Doe (jane@example.com)`, `Organization: X ()`, `Tool: name-1.0`. */
export function actorFromText(ctx: ConvertContext, text: string, base: string, key?: Key): Actor {
  const known = ctx.actors.get(text);
  if (known) return known;
  let clean = true;
  const actor = parseActorText(text, (code, message) => {
    clean = false;
    ctx.warn(code, message, at(base, key));
  });
  // Only actors read without complaint are shared, so every deviation is reported where it occurs.
  if (clean) ctx.actors.set(text, actor);
  return actor;
}

export function actor(ctx: ConvertContext, value: unknown, base: string, key?: Key): SpdxOrNoAssertion<Actor> | undefined {
  const s = typeof value === 'string' ? value : str(ctx, value, base, key);
  if (s === undefined) return undefined;
  if (s === 'NOASSERTION') return NOASSERTION;
  const known = ctx.actors.get(s);
  if (known) return known;
  const trimmed = s.trim();
  if (trimmed === '') {
    ctx.warn('EMPTY_VALUE', 'empty actor; read as absent', at(base, key));
    return undefined;
  }
  if (trimmed === 'NOASSERTION') return NOASSERTION;
  return actorFromText(ctx, s, base, key);
}

/**
 * An enumerated value: exact match, or a match after upper-casing and `_` -> `-` (or the reverse), with a warning;
 * an unknown value is kept as written with a warning.
 */
export function enumValue(ctx: ConvertContext, value: unknown, allowed: ReadonlySet<string>, what: string, base: string, key?: Key): string | undefined {
  const s = typeof value === 'string' ? value : str(ctx, value, base, key);
  if (s === undefined || allowed.has(s)) return s;
  const candidate = looseEnumMatch(s, allowed);
  if (candidate) {
    // `PACKAGE_MANAGER` for `PACKAGE-MANAGER` is allowed by the 2.2/2.3 JSON schemas; a case difference is not.
    const code = s.toUpperCase() === candidate ? 'ENUM_SPELLING' : 'ENUM_SEPARATOR';
    ctx.warn(code, `${what} ${show(s)} should be written ${candidate}`, at(base, key));
    return candidate;
  }
  ctx.warn('ENUM_UNKNOWN', `unknown ${what} ${show(s)}; kept as written`, at(base, key));
  return s;
}

export function unknownKey(ctx: ConvertContext, key: string, base: string): void {
  ctx.warn(`${ctx.format}_UNKNOWN_FIELD`, `unknown field ${show(key)}; ignored`, at(base, key));
}

/** Warns about each key of `obj` not in `known`. */
export function checkKeys(ctx: ConvertContext, obj: Obj, known: ReadonlySet<string>, base: string): void {
  for (const key in obj) if (!known.has(key)) unknownKey(ctx, key, base);
}

export function requireField(ctx: ConvertContext, value: unknown, key: string, base: string, what: string): void {
  if (value === undefined || value === null || value === '') {
    ctx.warn('MISSING_REQUIRED_FIELD', `${what} has no ${key}`, at(base, key));
  }
}
