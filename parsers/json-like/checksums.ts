// Checksums of SPDX JSON objects: `{algorithm, checksumValue}`, lower-case hex, algorithm spelling normalised.
import { normaliseChecksumAlgorithm } from '../field-values.js';
import type { Checksum } from '../model.js';
import type { ConvertContext } from './context.js';
import { at, isObject, objList, show, str, unknownKey, type Obj } from './values.js';

type Key = string | number | undefined;

/** `{algorithm, checksumValue}`; undefined (with an error) when either part is missing. */
export function checksum(ctx: ConvertContext, value: unknown, base: string, key?: Key): Checksum | undefined {
  if (!isObject(value)) {
    ctx.error(`${ctx.format}_WRONG_TYPE`, `expected a checksum object, found ${show(value)}`, at(base, key));
    return undefined;
  }
  const rawAlgorithm = value.algorithm;
  const rawValue = value.checksumValue;
  const algorithm = typeof rawAlgorithm === 'string' ? rawAlgorithm : str(ctx, rawAlgorithm, at(base, key), 'algorithm');
  const hex = typeof rawValue === 'string' ? rawValue : str(ctx, rawValue, at(base, key), 'checksumValue');
  if (algorithm === undefined || hex === undefined) {
    ctx.error('MISSING_REQUIRED_FIELD', 'checksum needs both algorithm and checksumValue', at(base, key));
    return undefined;
  }
  for (const k in value) {
    if (k !== 'algorithm' && k !== 'checksumValue') unknownKey(ctx, k, at(base, key));
  }
  const name = ctx.algorithms.has(algorithm)
    ? algorithm
    : normaliseChecksumAlgorithm(algorithm, (code, message) => ctx.warn(code, message, at(at(base, key), 'algorithm')));
  return { algorithm: name, value: lowerHex(hex) };
}

/**
 * Lower-case, trimmed. V8 hands back the very same string when nothing changes, which for the usual lower-case
 * value is about four times faster than looking for a non-hex character with a regular expression first.
 */
export function lowerHex(hex: string): string {
  const n = hex.length;
  if (n === 0) return hex;
  const first = hex.charCodeAt(0);
  const last = hex.charCodeAt(n - 1);
  // Only a blank or a non-ASCII character at either end can be trimmed away.
  if (first <= 32 || first >= 127 || last <= 32 || last >= 127) return hex.trim().toLowerCase();
  return hex.toLowerCase();
}

export function checksums(ctx: ConvertContext, value: unknown, base: string, key?: Key): Checksum[] {
  const list = objList(ctx, value, base, key);
  // Hot path: every entry is a known algorithm, a string value and nothing else. The array is sized exactly
  // (an array grown by push reserves 17 slots, which for 100k files is tens of megabytes).
  const out: Checksum[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const raw = list[i]!;
    const algorithm = raw.algorithm;
    const hex = raw.checksumValue;
    if (typeof algorithm !== 'string' || typeof hex !== 'string' || !ctx.algorithms.has(algorithm) || keyCount(raw) !== 2) {
      return checksumsSlowly(ctx, list, at(base, key));
    }
    out[i] = { algorithm, value: lowerHex(hex) };
  }
  return out;
}

function checksumsSlowly(ctx: ConvertContext, list: Obj[], path: string): Checksum[] {
  const out: Checksum[] = [];
  for (let i = 0; i < list.length; i++) {
    const c = checksum(ctx, list[i], path, i);
    if (c) out.push(c);
  }
  return out;
}

function keyCount(obj: Obj): number {
  let n = 0;
  for (const _ in obj) n++;
  return n;
}
