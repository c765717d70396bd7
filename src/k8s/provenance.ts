// Kubernetes' provenance.json: an in-toto statement (v0.1 or v1) with an SLSA predicate (v0.1, v0.2 or v1) whose
// subjects name the staged release files (gs://.../VERSION/gcs-stage/VERSION/bin/linux/amd64/kubectl) with digests.
import { checkError } from '../common/errors.js';
import { sanitizeLine } from '../common/sanitize.js';

const STATEMENT_TYPES = ['https://in-toto.io/Statement/v0.1', 'https://in-toto.io/Statement/v1'];
const HEX = { sha256: /^[0-9a-f]{64}$/, sha512: /^[0-9a-f]{128}$/ } as const;

export interface ProvenanceSubject {
  name: string;
  /** Only the digests we can compare (sha256, sha512), lower-case hex. */
  digest: { sha256?: string; sha512?: string };
}

export interface ProvenanceStatement {
  statementType: string;
  predicateType: string;
  /** `0.1`, `0.2`, `1`, or undefined for a predicate that is not SLSA provenance. */
  slsaVersion?: string;
  subjects: ProvenanceSubject[];
}

const invalid = (message: string) => checkError('PROVENANCE_INVALID', `provenance: ${message}`);

export function parseProvenance(text: string): ProvenanceStatement {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw invalid(`not JSON (${(err as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('not a JSON object');
  const doc = value as Record<string, unknown>;
  const statementType = doc._type;
  if (typeof statementType !== 'string' || !STATEMENT_TYPES.includes(statementType)) {
    throw invalid(`_type ${sanitizeLine(String(statementType))} is not an in-toto statement (${STATEMENT_TYPES.join(' or ')})`);
  }
  const predicateType = doc.predicateType;
  if (typeof predicateType !== 'string' || predicateType === '') throw invalid('no predicateType');
  if (!Array.isArray(doc.subject) || doc.subject.length === 0) throw invalid('no subject list');
  const subjects = doc.subject.map((s: unknown, i: number) => parseSubject(s, i));
  const slsa = /^https:\/\/slsa\.dev\/provenance\/v(0\.1|0\.2|1)$/.exec(predicateType);
  return { statementType, predicateType, ...(slsa ? { slsaVersion: slsa[1] } : {}), subjects };
}

function parseSubject(value: unknown, index: number): ProvenanceSubject {
  const s = value as { name?: unknown; digest?: unknown };
  if (typeof s !== 'object' || s === null || typeof s.name !== 'string') throw invalid(`subject ${index} has no name`);
  if (typeof s.digest !== 'object' || s.digest === null) throw invalid(`subject ${sanitizeLine(s.name)} has no digest`);
  const digest: ProvenanceSubject['digest'] = {};
  for (const alg of ['sha256', 'sha512'] as const) {
    const d = (s.digest as Record<string, unknown>)[alg];
    if (d === undefined) continue;
    if (typeof d !== 'string' || !HEX[alg].test(d.toLowerCase())) throw invalid(`subject ${sanitizeLine(s.name)}: ${alg} is not a ${alg} hex digest`);
    digest[alg] = d.toLowerCase();
  }
  return { name: s.name, digest };
}

/**
 * The subjects by release path (bin/linux/amd64/kubectl, kubernetes-client-linux-amd64.tar.gz): a name is the part
 * after its last `/VERSION/` (the staging layout), or the path itself; names of other versions' or builds' files map
 * to nothing.
 */
export function subjectsByReleasePath(statement: ProvenanceStatement, version: string): Map<string, ProvenanceSubject[]> {
  const byPath = new Map<string, ProvenanceSubject[]>();
  const marker = `/${version}/`;
  for (const subject of statement.subjects) {
    const at = subject.name.lastIndexOf(marker);
    const path = at >= 0 ? subject.name.slice(at + marker.length) : /^(bin\/|kubernetes)/.test(subject.name) ? subject.name.replace(/^\.\//, '') : undefined;
    if (!path) continue;
    byPath.set(path, [...(byPath.get(path) ?? []), subject]);
  }
  return byPath;
}
