// The release's provenance.json checked against its verified SBOM: for every selected file both list, the subject's
// digests must equal the SBOM's. The file is unsigned, so its absence (or an unreachable copy) is reported, never a
// failure: a mirror able to hide it could serve a 404 just as well. One that is published but unreadable fails.
import { readFile } from 'node:fs/promises';
import type { SpdxDocument } from '../../parsers/model.js';
import { KubeSbomError } from '../common/errors.js';
import { SIZE_LIMITS } from '../fetch/types.js';
import { parseProvenance, subjectsByReleasePath, type ProvenanceSubject } from '../k8s/provenance.js';
import { holdsFor, PROVENANCE_PUBLISHED } from '../k8s/release-facts.js';
import { provenanceUrl } from '../k8s/release-urls.js';
import { failed, passed, type ReleaseCheck } from './release-check.js';
import type { ReleaseSession, ReleaseSourceOptions } from './release-session.js';

export interface ProvenanceSummary {
  url: string;
  /**
   * checked: read, its subjects compared with the SBOM; absent: the server has none (404) or the version predates it;
   * unavailable: it could not be fetched (offline, network); invalid: published but not a provenance statement.
   */
  status: 'checked' | 'absent' | 'unavailable' | 'invalid';
  message: string;
  predicateType?: string;
  subjects?: number;
}

export interface ReleaseProvenance {
  summary: ProvenanceSummary;
  /** The provenance check of one selected file, or undefined when the statement does not list it (or is absent). */
  checkFile(doc: SpdxDocument, path: string): ReleaseCheck | undefined;
}

const none = (summary: ProvenanceSummary): ReleaseProvenance => ({ summary, checkFile: () => undefined });

export async function loadReleaseProvenance(session: ReleaseSession, options: ReleaseSourceOptions, version: string): Promise<ReleaseProvenance> {
  const url = provenanceUrl(version, options.dlUrl);
  if (!holdsFor(PROVENANCE_PUBLISHED, version)) {
    return none({ url, status: 'absent', message: `not published for releases before ${PROVENANCE_PUBLISHED.from} (not a failure)` });
  }
  let text: string;
  try {
    options.onEvent?.({ type: 'stage', message: `reading ${url}` });
    const file = await session.fetcher.fetch({ url, label: 'provenance.json', dir: session.dir, maxBytes: SIZE_LIMITS.small, cache: 'refresh' });
    text = await readFile(file.path, 'utf8');
    parseProvenance(text);
    await session.fetcher.remember(file);
  } catch (err) {
    if (!(err instanceof KubeSbomError)) throw err;
    if (err.code === 'PROVENANCE_INVALID') {
      const summary: ProvenanceSummary = { url, status: 'invalid', message: err.message };
      return { summary, checkFile: (_doc, path) => failed('provenance', path, err.code, `${url}: ${err.message}`) };
    }
    const missing = err.code === 'HTTP_NOT_FOUND' || err.code === 'FILE_NOT_FOUND';
    return none({ url, status: missing ? 'absent' : 'unavailable', message: `${missing ? 'not published' : `not read: ${err.message}`} (not a failure)` });
  }
  const statement = parseProvenance(text);
  const byPath = subjectsByReleasePath(statement, version);
  return {
    summary: {
      url,
      status: 'checked',
      message: `${statement.predicateType}, ${statement.subjects.length} subject(s)`,
      predicateType: statement.predicateType,
      subjects: statement.subjects.length,
    },
    checkFile: (doc, path) => {
      const subjects = byPath.get(path);
      return subjects ? compareWithSbom(doc, path, subjects) : undefined;
    },
  };
}

/** Every digest both state must agree; listing the file with no digest in common cannot vouch for it (fail closed). */
export function compareWithSbom(doc: SpdxDocument, path: string, subjects: ProvenanceSubject[]): ReleaseCheck {
  const sbom = new Map<string, string[]>();
  for (const file of doc.files.filter((f) => f.name.replace(/^\.\//, '') === path)) {
    for (const cs of file.checksums) {
      const alg = cs.algorithm.toLowerCase();
      if (alg === 'sha256' || alg === 'sha512') sbom.set(alg, [...(sbom.get(alg) ?? []), cs.value.toLowerCase()]);
    }
  }
  const compared = new Set<string>();
  for (const subject of subjects) {
    for (const alg of ['sha256', 'sha512'] as const) {
      const theirs = subject.digest[alg];
      const ours = sbom.get(alg);
      if (theirs === undefined || ours === undefined) continue;
      if (!ours.includes(theirs)) {
        return failed(
          'provenance',
          path,
          'PROVENANCE_DIGEST_MISMATCH',
          `provenance.json says ${alg.toUpperCase()} of ${path} is ${theirs}, the release SBOM says ${ours.join(', ')}`,
        );
      }
      compared.add(alg.toUpperCase());
    }
  }
  if (compared.size === 0) {
    return failed('provenance', path, 'PROVENANCE_NOT_COMPARABLE', `provenance.json lists ${path} with no SHA256 or SHA512 that the release SBOM also states`);
  }
  return passed('provenance', path, `provenance.json lists ${path} with the same ${[...compared].join(' and ')} as the release SBOM`);
}
