// Model values back to their SPDX 2.3 JSON spelling: actors, licences, checksums, annotations, NOASSERTION / NONE.
import {
  CHECKSUM_ALGORITHMS,
  RELATIONSHIP_TYPES,
  type Actor,
  type Annotation,
  type Checksum,
  type LicenseExpression,
  type Spdx,
  type SpdxOrNoAssertion,
} from '../../parsers/model.js';
import type { NotExpressedLedger } from './not-expressed.js';

const ALGORITHMS = new Set<string>(CHECKSUM_ALGORITHMS);
export const KNOWN_RELATIONSHIP_TYPES = new Set<string>(RELATIONSHIP_TYPES);

export function actorText(actor: Actor): string {
  return `${actor.type}: ${actor.name}${actor.email !== undefined ? ` (${actor.email})` : ''}`;
}

export function actorOrNoAssertion(value: SpdxOrNoAssertion<Actor> | undefined): string | undefined {
  return value === undefined ? undefined : 'kind' in value ? value.kind : actorText(value);
}

export function spdxText(value: Spdx<string> | undefined): string | undefined {
  return value === undefined ? undefined : typeof value === 'string' ? value : value.kind;
}

export function licenseText(value: Spdx<LicenseExpression> | undefined): string | undefined {
  return value === undefined ? undefined : 'text' in value ? value.text : value.kind;
}

/** The schema's enum of algorithms: one the model kept as written (unknown) cannot be written. */
export function checksumsJson(spdxId: string, list: readonly Checksum[], ledger: NotExpressedLedger) {
  const out: { algorithm: string; checksumValue: string }[] = [];
  for (const c of list) {
    if (ALGORITHMS.has(c.algorithm)) out.push({ algorithm: c.algorithm, checksumValue: c.value });
    else ledger.drop(`checksum with the unknown algorithm ${c.algorithm}`, spdxId, 'SPDX 2.3 JSON allows only its own algorithms');
  }
  return out;
}

export function annotationsJson(list: readonly Annotation[], ledger: NotExpressedLedger) {
  return list.flatMap((a) => {
    if (a.type === 'REVIEW' || a.type === 'OTHER')
      return [{ annotationDate: a.date, annotationType: a.type, annotator: actorText(a.annotator), comment: a.comment }];
    ledger.drop(`annotation of the unknown type ${a.type}`, a.spdxId, 'SPDX 2.3 JSON allows REVIEW and OTHER');
    return [];
  });
}

/** Values of a schema enum the model kept as written although unknown: the known ones, the rest listed. */
export function knownValues<T extends string>(spdxId: string, what: string, values: readonly string[], known: readonly T[], ledger: NotExpressedLedger): T[] {
  return values.filter((v): v is T => {
    if ((known as readonly string[]).includes(v)) return true;
    ledger.drop(`${what} ${v}`, spdxId, 'not a value SPDX 2.3 JSON allows');
    return false;
  });
}

/** Optional fields: only the defined ones, so the output has no `"x": undefined` and no empty lists. */
export function defined<T extends Record<string, unknown>>(fields: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out as Partial<T>;
}
