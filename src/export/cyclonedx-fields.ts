// Small SPDX-to-CycloneDX 1.6 value mappings shared by the component, metadata and annotation writers.
import { SPDX_TO_CYCLONEDX_ALGORITHM } from '../../parsers/cyclonedx/hash-algorithms.js';
import type { Actor, Checksum } from '../../parsers/model.js';
import type { NotExpressedLedger } from './not-expressed.js';

export interface CdxHash {
  alg: string;
  content: string;
}

/** CycloneDX's hash-content pattern, hex of 32, 40, 64, 96 or 128 digits, as a length test (the alternation backtracks). */
const HEX = /^[a-fA-F0-9]+$/;
const HASH_LENGTHS = new Set([32, 40, 64, 96, 128]);
const isHashContent = (value: string) => HASH_LENGTHS.has(value.length) && HEX.test(value);

export function cdxAlgorithm(spdxAlgorithm: string): string | undefined {
  return SPDX_TO_CYCLONEDX_ALGORITHM[spdxAlgorithm];
}

export function cdxHashes(spdxId: string, checksums: readonly Checksum[], ledger: NotExpressedLedger): CdxHash[] | undefined {
  const hashes: CdxHash[] = [];
  for (const c of checksums) {
    const alg = cdxAlgorithm(c.algorithm);
    if (!alg) ledger.drop(`checksum ${c.algorithm}`, spdxId, 'CycloneDX has no such hash algorithm');
    else if (!isHashContent(c.value)) ledger.drop(`checksum ${c.algorithm} of a length CycloneDX refuses`, spdxId, 'not 32, 40, 64, 96 or 128 hex digits');
    else hashes.push({ alg, content: c.value });
  }
  return hashes.length > 0 ? hashes : undefined;
}

/** organizationalContact: a name and, when known, an email. */
export function cdxContact(actor: Actor): { name: string; email?: string } {
  return { name: actor.name, ...(actor.email ? { email: actor.email } : {}) };
}

/** organizationalEntity: an organisation by name; a person as a contact of an entity with the same name. */
export function cdxEntity(actor: Actor): { name: string; contact?: { name: string; email?: string }[] } {
  return actor.type === 'Person' || actor.email ? { name: actor.name, contact: [cdxContact(actor)] } : { name: actor.name };
}

/** A tool as a component of metadata.tools / an annotator. */
export function cdxTool(actor: Actor): { type: 'application'; name: string } {
  return { type: 'application', name: actor.name };
}

// CycloneDX date-time is JSON Schema's date-time (RFC 3339); SPDX writes the same shape, but a document may not.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
export function isDateTime(value: string): boolean {
  return DATE_TIME.test(value);
}
