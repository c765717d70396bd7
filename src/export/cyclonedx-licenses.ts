// SPDX license fields to a CycloneDX 1.6 `licenses` choice: a list of {license: {id | name}} or exactly one {expression}.
import { createRequire } from 'node:module';
import type { ExtractedLicensingInfo, LicenseExpression, Spdx } from '../../parsers/model.js';
import type { NotExpressedLedger } from './not-expressed.js';

const require = createRequire(import.meta.url);
// CycloneDX's `license.id` is an enum of the SPDX list (ids and deprecated ids); anything else goes by name.
const knownIds = new Set<string>([...(require('spdx-license-ids') as string[]), ...(require('spdx-license-ids/deprecated') as string[])]);

type Acknowledgement = 'declared' | 'concluded';
export type CdxLicense =
  | { license: { id: string; acknowledgement: Acknowledgement } }
  | { license: { name: string; acknowledgement: Acknowledgement; text?: { content: string } } }
  | { expression: string; acknowledgement: Acknowledgement };

export interface LicenseContext {
  ledger: NotExpressedLedger;
  /** Extracted licensing infos by LicenseRef id: their text goes with a single LicenseRef written by name. */
  extracted: ReadonlyMap<string, ExtractedLicensingInfo>;
  /** LicenseRef ids whose text was written somewhere. */
  textWritten: Set<string>;
}

/** A licence named by one id (the document's data licence): by id when CycloneDX's enum has it, else by name. */
export function cdxLicenseNamed(id: string): { license: { id: string } | { name: string } } {
  return knownIds.has(id) ? { license: { id } } : { license: { name: id } };
}

function single(value: LicenseExpression, acknowledgement: Acknowledgement, ctx: LicenseContext): CdxLicense {
  const node = value.parsed;
  if (node?.type === 'license' && !node.orLater && !node.exception && knownIds.has(node.id)) return { license: { id: node.id, acknowledgement } };
  if (node?.type === 'licenseRef' && !node.documentRef) {
    const info = ctx.extracted.get(node.id);
    return { license: { name: node.id, acknowledgement, ...(info ? { text: { content: info.extractedText } } : {}) } };
  }
  return { expression: value.text, acknowledgement };
}

/**
 * Concluded and declared licences of one element. NOASSERTION and NONE say nothing CycloneDX can hold and are left
 * out; when an expression meets a second value the concluded one is kept (CycloneDX allows one expression only).
 */
export function cdxLicenses(
  spdxId: string,
  values: { concluded?: Spdx<LicenseExpression> | undefined; declared?: Spdx<LicenseExpression> | undefined },
  ctx: LicenseContext,
): CdxLicense[] | undefined {
  const written: CdxLicense[] = [];
  for (const acknowledgement of ['concluded', 'declared'] as const) {
    const value = values[acknowledgement];
    if (value === undefined || !('text' in value)) continue;
    written.push(single(value, acknowledgement, ctx));
  }
  if (written.length === 0) return undefined;
  let kept = written;
  if (written.length === 2 && written.some((l) => 'expression' in l)) {
    ctx.ledger.drop(
      'declared licence beside a concluded one, one of them an expression',
      spdxId,
      'CycloneDX allows one expression per component; the concluded licence was kept',
    );
    kept = [written[0]!];
  }
  for (const l of kept) if ('license' in l && 'text' in l.license) ctx.textWritten.add(l.license.name);
  return kept;
}
