// What every element reader shares: the SPDXID and the presence test behind the unknown-key check.
import type { ConvertContext } from './context.js';
import { at, str, type Obj } from './values.js';

/** Reads `SPDXID`; an element without one gets an error and an empty id (kept so counts stay honest). */
export function spdxIdOf(ctx: ConvertContext, obj: Obj, base: string, what: string): string {
  const id = typeof obj.SPDXID === 'string' ? obj.SPDXID : str(ctx, obj.SPDXID, base, 'SPDXID');
  if (id === undefined || id === '') {
    ctx.error('MISSING_SPDXID', `${what} has no SPDXID`, at(base, 'SPDXID'));
    return '';
  }
  return id;
}

/** 1 when a field is present (JSON has no undefined values, so present means not undefined). */
export function def(value: unknown): number {
  return value === undefined ? 0 : 1;
}
