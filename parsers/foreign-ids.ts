// SPDXIDs for elements of other specs (CycloneDX bom-refs, SPDX 3 IRIs): `SPDXRef-` plus the identifier with every
// character SPDX 2 does not allow replaced, made unique with a counter; the original is kept by the caller.

const NOT_IDSTRING = /[^A-Za-z0-9.-]+/g;
const MAX_STEM = 200;
const SPDX_PREFIX = 'SPDXRef-';

export class ForeignIds {
  /** SPDXID by original identifier: the first element that carried it. */
  private readonly byOriginal = new Map<string, string>();
  /**
   * Stems (`x` of `SPDXRef-x`) that are not an original of `byOriginal` themselves: made from an unsafe original,
   * numbered, or fallbacks. A safe original is its own stem, so for it `byOriginal` answers both questions with
   * one hash (large BOMs have hundreds of thousands of ids).
   */
  private readonly madeStems = new Set<string>(['DOCUMENT']);
  private anonymous = 0;
  /** Whether the identifier of the last `assign` had been assigned before (a duplicate bom-ref). */
  lastWasDuplicate = false;

  /** The SPDXID for an element: from its identifier, or a fresh one for an element without identifier. */
  assign(original: string | undefined, fallbackStem: string): string {
    if (original === undefined || original === '') {
      this.lastWasDuplicate = false;
      return this.made(`${fallbackStem}-${++this.anonymous}`);
    }
    this.lastWasDuplicate = this.byOriginal.has(original);
    let id: string;
    const spdxStem = original.startsWith(SPDX_PREFIX) ? original.slice(SPDX_PREFIX.length) : undefined;
    if (spdxStem !== undefined && spdxStem !== '' && isSafe(spdxStem)) {
      // Already an SPDXID (an SPDX document written as CycloneDX): kept as it is, so a round trip keeps its ids.
      const taken = this.lastWasDuplicate || this.madeStems.has(spdxStem) || this.byOriginal.has(spdxStem);
      id = taken ? this.made(spdxStem) : original;
      if (!taken) this.madeStems.add(spdxStem);
    } else if (isSafe(original)) {
      // A duplicate, or a stem another element made: numbered instead.
      id = this.lastWasDuplicate || this.madeStems.has(original) ? this.made(original) : `SPDXRef-${original}`;
    } else {
      id = this.made(safeStem(original));
    }
    if (!this.lastWasDuplicate) this.byOriginal.set(original, id);
    return id;
  }
  /** Gives an identifier a fixed SPDXID (the document's own), so that later elements and lookups see it taken. */
  reserve(original: string, spdxId: string): void {
    this.byOriginal.set(original, spdxId);
    this.madeStems.add(spdxId.slice(SPDX_PREFIX.length));
  }

  /** The SPDXID of a known identifier (the first element that carried it). */
  get(original: string): string | undefined {
    return this.byOriginal.get(original);
  }

  /** `SPDXRef-stem`, numbered when the stem is taken by a safe original or by another made stem. */
  private made(base: string): string {
    let stem = base;
    for (let n = 2; this.madeStems.has(stem) || this.byOriginal.has(stem); n++) stem = `${base}-${n}`;
    this.madeStems.add(stem);
    return `SPDXRef-${stem}`;
  }
}

function safeStem(original: string): string {
  const stem = original.replace(NOT_IDSTRING, '-');
  const start = stem.charCodeAt(0) === 45 ? 1 : 0;
  const end = stem.charCodeAt(stem.length - 1) === 45 ? stem.length - 1 : stem.length;
  const trimmed = start === 0 && end === stem.length ? stem : stem.slice(start, end);
  return trimmed === '' ? 'ref' : trimmed.length > MAX_STEM ? trimmed.slice(0, MAX_STEM) : trimmed;
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
