// Facts about the Kubernetes release layout that changed between versions (K8S-RELEASE.md), as data with the
// version range each holds for, so code asks "does VERSION have X" instead of carrying dates in conditions.
import { isExactVersion } from './versions.js';

export interface VersionRange {
  /** First version it holds for (inclusive; pre-releases of that version count). Absent: since the beginning. */
  from?: string;
  /** First version it no longer holds for. Absent: still holds. */
  until?: string;
}

export interface ReleaseFact extends VersionRange {
  what: string;
}

/** `provenance.json` (an in-toto statement whose subjects carry the release files' digests) beside the release files. */
export const PROVENANCE_PUBLISHED: ReleaseFact = { from: 'v1.23.0-alpha.0', what: 'release/VERSION/provenance.json on dl.k8s.io' };

/** The SLSA predicate of that statement: v0.1/v0.2 before August 2026, v1 since (by date, so either may appear). */
export const PROVENANCE_PREDICATES = ['https://slsa.dev/provenance/v0.1', 'https://slsa.dev/provenance/v0.2', 'https://slsa.dev/provenance/v1'] as const;

const PRE_RANK: Record<string, number> = { alpha: 0, beta: 1, rc: 2 };

/** [major, minor, patch, pre-release kind (3 = final), pre-release number] of an exact version. */
function versionKey(version: string): number[] {
  const m = /^v(\d+)\.(\d+)\.(\d+)(?:-(alpha|beta|rc)\.(\d+))?$/.exec(version);
  if (!m) throw new Error(`not an exact version: ${version}`);
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] ? PRE_RANK[m[4]]! : 3, m[5] ? Number(m[5]) : 0];
}

export function compareVersions(a: string, b: string): number {
  const ka = versionKey(a);
  const kb = versionKey(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
  return 0;
}

export function holdsFor(range: VersionRange, version: string): boolean {
  if (!isExactVersion(version)) return false;
  if (range.from !== undefined && compareVersions(version, range.from) < 0) return false;
  return range.until === undefined || compareVersions(version, range.until) < 0;
}
