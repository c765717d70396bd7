// SPDXIDs for elements of other specs (CycloneDX bom-refs, SPDX 3 IRIs): `SPDXRef-` plus the identifier with every
// character SPDX 2 does not allow replaced, made unique with a counter; the original is kept by the caller.

const MAX_STEM = 200;
const SPDX_PREFIX = 'SPDXRef-';

/** The value `taken` holds for a stem that no element carried as its identifier (made, numbered, or a fallback). */
const MADE = '';

export class ForeignIds {
  /**
   * One map for both questions, so that the common case costs one lookup and one insert (large BOMs have hundreds
   * of thousands of ids): an original identifier -> its element's SPDXID (the first element that carried it), and a
   * stem (`x` of `SPDXRef-x`) that is taken -> MADE. A safe original is its own stem, so its entry answers both;
   * stems are safe, so an unsafe original never meets a stem.
   */
  private readonly taken = new Map<string, string>([['DOCUMENT', MADE]]);
  private anonymous = 0;
  /** Whether the identifier of the last `assign` had been assigned before (a duplicate bom-ref). */
  lastWasDuplicate = false;

  /** The SPDXID for an element: from its identifier, or a fresh one for an element without identifier. */
  assign(original: string | undefined, fallbackStem: string): string {
    if (original === undefined || original === '') {
      this.lastWasDuplicate = false;
      return this.made(`${fallbackStem}-${++this.anonymous}`);
    }
    const before = this.taken.get(original);
    // MADE is a stem, not an original: the first element to carry this identifier, numbered away from the stem.
    this.lastWasDuplicate = before !== undefined && before !== MADE;
    let id: string;
    const spdxStem = original.startsWith(SPDX_PREFIX) ? original.slice(SPDX_PREFIX.length) : undefined;
    if (spdxStem !== undefined && spdxStem !== '' && isSafe(spdxStem)) {
      // Already an SPDXID (an SPDX document written as CycloneDX): kept as it is, so a round trip keeps its ids.
      const clash = this.lastWasDuplicate || this.taken.has(spdxStem);
      id = clash ? this.made(spdxStem) : original;
      if (!clash) this.taken.set(spdxStem, MADE);
    } else if (isSafe(original)) id = before === undefined ? `SPDXRef-${original}` : this.made(original);
    else id = this.made(safeStem(original));
    // Overwriting MADE keeps the stem taken (the entry stays); a duplicate keeps the first element's SPDXID.
    if (!this.lastWasDuplicate) this.taken.set(original, id);
    return id;
  }
  /** Gives an identifier a fixed SPDXID (the document's own), so that later elements and lookups see it taken. */
  reserve(original: string, spdxId: string): void {
    const stem = spdxId.slice(SPDX_PREFIX.length);
    if (!this.taken.has(stem)) this.taken.set(stem, MADE);
    this.taken.set(original, spdxId);
  }

  /** The SPDXID of a known identifier (the first element that carried it). */
  get(original: string): string | undefined {
    const id = this.taken.get(original);
    return id === MADE ? undefined : id;
  }

  /** `SPDXRef-stem`, numbered when the stem is taken by a safe original or by another made stem. */
  private made(base: string): string {
    let stem = base;
    for (let n = 2; this.taken.has(stem); n++) stem = `${base}-${n}`;
    this.taken.set(stem, MADE);
    return `SPDXRef-${stem}`;
  }
}

/** Where safeStem writes a stem, one character code a byte, to read it back as one string (stems are ASCII). */
const STEM_BYTES = new Uint8Array(MAX_STEM + 1);
const ASCII = new TextDecoder('latin1');

/**
 * The original with each run of characters SPDX 2 does not allow as one `-` (what `replace(/[^A-Za-z0-9.-]+/g, '-')`
 * does), one `-` trimmed from either end, at most MAX_STEM characters, `ref` when nothing is left. Written byte by byte
 * and read back once: building the string piece by piece made a string per piece and a flattening copy, about 1 µs
 * per purl bom-ref.
 */
function safeStem(original: string): string {
  let n = 0;
  let inRun = false;
  // MAX_STEM + 1 characters are enough to decide both the trailing trim and the cut.
  for (let i = 0; i < original.length && n <= MAX_STEM; i++) {
    const c = original.charCodeAt(i);
    let out = c;
    if (isIdChar(c)) inRun = false;
    else if (inRun) continue;
    else {
      out = 45;
      inRun = true;
    }
    // The first character written is trimmed when it is a dash, whether kept or made.
    if (i === 0 && out === 45) continue;
    STEM_BYTES[n++] = out;
  }
  if (n > MAX_STEM) n = MAX_STEM;
  else if (n > 0 && STEM_BYTES[n - 1] === 45) n--;
  return n === 0 ? 'ref' : ASCII.decode(STEM_BYTES.subarray(0, n));
}

/** Hot path: most identifiers (UUIDs, `file-12`) need no change; a loop is cheaper than a replace. */
function isSafe(s: string): boolean {
  if (s.length > MAX_STEM || s.charCodeAt(0) === 45 || s.charCodeAt(s.length - 1) === 45) return false;
  for (let i = 0; i < s.length; i++) if (!isIdChar(s.charCodeAt(i))) return false;
  return true;
}

/** 1 at the codes of A-Z, a-z, 0-9, `.` and `-`, the characters of an SPDX 2 idstring: one load per character. */
const ID_CHARS = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-') ID_CHARS[c.charCodeAt(0)] = 1;

function isIdChar(c: number): boolean {
  return c < 128 && ID_CHARS[c] === 1;
}
