// Trusted roots: parse and validate one (protobuf JSON TrustedRoot), and the public-good root shipped with
// kube-sbom, which we read from @sigstore/tuf's seeds.json (it embeds trusted_root.json, base64, under targets).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TrustedRoot as TrustedRootType } from '@sigstore/protobuf-specs';
import type { TrustMaterial } from '@sigstore/verify';
import { toTrustMaterial, TrustedRoot } from './library.js';
import { KubeSbomError } from '../common/errors.js';

export interface LoadedTrustedRoot {
  root: TrustedRootType;
  material: TrustMaterial;
  /** Where it came from, for messages: a file path, 'shipped public-good root', 'TUF (...)'. */
  source: string;
}

export const PUBLIC_GOOD_TUF_MIRROR = 'https://tuf-repo-cdn.sigstore.dev';
const SHIPPED_SOURCE = 'shipped public-good trusted root (@sigstore/tuf seeds)';

const invalid = (source: string, why: string, cause?: unknown) =>
  new KubeSbomError('TRUSTED_ROOT_INVALID', `${source}: not a usable trusted root: ${why}`, { kind: 'io', cause });

/** Parses trusted_root.json text; rejects what would silently weaken verification (e.g. a key with no start). */
export function parseTrustedRoot(text: string, source: string): LoadedTrustedRoot {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw invalid(source, `not JSON (${(err as Error).message})`, err);
  }
  if (!isObject(json)) throw invalid(source, 'expected a JSON object');
  const mediaType = json.mediaType;
  if (typeof mediaType !== 'string' || !mediaType.startsWith('application/vnd.dev.sigstore.trustedroot')) {
    throw invalid(source, `mediaType is ${JSON.stringify(mediaType)}, expected application/vnd.dev.sigstore.trustedroot...`);
  }
  for (const field of ['tlogs', 'certificateAuthorities', 'ctlogs', 'timestampAuthorities']) {
    const value = json[field];
    if (value !== undefined && !Array.isArray(value)) throw invalid(source, `${field} must be a list`);
  }
  for (const field of ['tlogs', 'ctlogs']) {
    for (const [i, log] of ((json[field] as unknown[]) ?? []).entries()) {
      const start = (log as { publicKey?: { validFor?: { start?: unknown } } })?.publicKey?.validFor?.start;
      if (typeof start !== 'string') throw invalid(source, `${field}[${i}].publicKey.validFor.start is missing`);
    }
  }
  try {
    const root = TrustedRoot.fromJSON(json);
    return { root, material: toTrustMaterial(root), source };
  } catch (err) {
    throw invalid(source, (err as Error).message, err);
  }
}

let shipped: LoadedTrustedRoot | undefined;

/** The public-good trusted root embedded in @sigstore/tuf (usable offline). */
export function shippedTrustedRoot(): LoadedTrustedRoot {
  if (shipped) return shipped;
  const require = createRequire(import.meta.url);
  let seeds: Record<string, { targets?: Record<string, string> }>;
  try {
    seeds = JSON.parse(readFileSync(require.resolve('@sigstore/tuf/seeds.json'), 'utf8'));
  } catch (err) {
    throw new KubeSbomError('TRUSTED_ROOT_UNAVAILABLE', `cannot read the shipped trusted root: ${(err as Error).message}`, {
      kind: 'io',
      cause: err,
    });
  }
  const encoded = seeds[PUBLIC_GOOD_TUF_MIRROR]?.targets?.['trusted_root.json'];
  if (!encoded) throw invalid(SHIPPED_SOURCE, 'seeds.json has no trusted_root.json target');
  shipped = parseTrustedRoot(Buffer.from(encoded, 'base64').toString('utf8'), SHIPPED_SOURCE);
  return shipped;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
