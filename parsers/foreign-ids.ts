// SPDXIDs for elements of other specs (CycloneDX bom-refs, SPDX 3 IRIs): `SPDXRef-` plus the identifier with every
// character SPDX 2 does not allow replaced, made unique with a counter; the original is kept by the caller.

const NOT_IDSTRING = /[^A-Za-z0-9.-]+/g;
const MAX_STEM = 200;

export class ForeignIds {
  private readonly byOriginal = new Map<string, string>();
  /** Stems in use (`x` for `SPDXRef-x`): a safe original is its own stem, whose hash the map lookup already cached. */
  private readonly taken = new Set<string>(['DOCUMENT']);
  private anonymous = 0;
  /** Whether the identifier of the last `assign` had been assigned before (a duplicate bom-ref). */
  lastWasDuplicate = false;

  /** The SPDXID for an element: from its identifier, or a fresh one for an element without identifier. */
  assign(original: string | undefined, fallbackStem: string): string {
    const named = original !== undefined && original !== '';
    this.lastWasDuplicate = named && this.byOriginal.has(original);
    const base = named ? safeStem(original) : `${fallbackStem}-${++this.anonymous}`;
    let stem = base;
    for (let n = 2; this.taken.has(stem); n++) stem = `${base}-${n}`;
    this.taken.add(stem);
    const id = `SPDXRef-${stem}`;
    if (named && !this.lastWasDuplicate) this.byOriginal.set(original, id);
    return id;
  }
  /** The SPDXID of a known identifier (the first element that carried it). */
  get(original: string): string | undefined {
    return this.byOriginal.get(original);
  }
}

function safeStem(original: string): string {
  if (isSafe(original)) return original;
  const stem = original.replace(NOT_IDSTRING, '-').replace(/^-+|-+$/g, '');
  return stem === '' ? 'ref' : stem.length > MAX_STEM ? stem.slice(0, MAX_STEM) : stem;
}

/** Hot path: most identifiers (UUIDs, `file-12`) need no change; a loop is cheaper than a replace. */
function isSafe(s: string): boolean {
  if (s.length > MAX_STEM || s.charCodeAt(0) === 45 || s.charCodeAt(s.length - 1) === 45) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 46)) return false;
  }
  return true;
}
