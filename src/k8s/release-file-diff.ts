// What changed between two releases' files (binaries): matched by path in the release, compared by SHA-256. A path
// the release ships twice (kubectl.exe in the client and the node archive) is compared as the set of its digests.
export interface ReleaseFile {
  /** The path as the SBOM names it, e.g. bin/linux/amd64/kubectl. */
  name: string;
  /** Lower-case hex; absent when the SBOM gives none. */
  sha256?: string;
}

export interface ReleaseFileChange {
  name: string;
  before: string[];
  after: string[];
}

export interface ReleaseFileDiff {
  added: string[];
  removed: string[];
  changed: ReleaseFileChange[];
  unchanged: number;
}

function byName(files: readonly ReleaseFile[]): Map<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const f of files) {
    let digests = map.get(f.name);
    if (!digests) map.set(f.name, (digests = new Set()));
    // A file without a digest still counts as present; it can never compare equal to one with a digest.
    digests.add(f.sha256?.toLowerCase() ?? 'no SHA-256');
  }
  return new Map([...map].map(([name, digests]) => [name, [...digests].sort()]));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function diffReleaseFiles(before: readonly ReleaseFile[], after: readonly ReleaseFile[]): ReleaseFileDiff {
  const a = byName(before);
  const b = byName(after);
  const diff: ReleaseFileDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const name of b.keys()) if (!a.has(name)) diff.added.push(name);
  for (const [name, digests] of a) {
    const other = b.get(name);
    if (!other) diff.removed.push(name);
    else if (digests.join() !== other.join() || digests.includes('no SHA-256')) diff.changed.push({ name, before: digests, after: other });
    else diff.unchanged++;
  }
  diff.added.sort(cmp);
  diff.removed.sort(cmp);
  diff.changed.sort((x, y) => cmp(x.name, y.name));
  return diff;
}
