// SPDXIDs for elements of other specs (CycloneDX bom-refs, SPDX 3 IRIs): `SPDXRef-` plus the identifier with every
// character SPDX 2 does not allow replaced, made unique with a counter; the original is kept by the caller.

const NOT_IDSTRING = /[^A-Za-z0-9.-]+/g;

export class ForeignIds {
  private readonly byOriginal = new Map<string, string>();
  private readonly taken = new Set<string>(['SPDXRef-DOCUMENT']);
  private anonymous = 0;

  /** The SPDXID for an identifier seen for the first time, or a fresh one for an element without identifier. */
  assign(original: string | undefined, fallbackStem: string): string {
    const stem = original === undefined || original === '' ? `${fallbackStem}-${++this.anonymous}` : safeStem(original);
    let id = `SPDXRef-${stem}`;
    for (let n = 2; this.taken.has(id); n++) id = `SPDXRef-${stem}-${n}`;
    this.taken.add(id);
    if (original !== undefined && original !== '' && !this.byOriginal.has(original)) this.byOriginal.set(original, id);
    return id;
  }
  /** Whether the identifier was assigned already (a duplicate bom-ref). */
  has(original: string): boolean {
    return this.byOriginal.has(original);
  }
  /** The SPDXID of a known identifier (the first element that carried it). */
  get(original: string): string | undefined {
    return this.byOriginal.get(original);
  }
}

function safeStem(original: string): string {
  const stem = original.replace(NOT_IDSTRING, '-').replace(/^-+|-+$/g, '');
  return stem === '' ? 'ref' : stem.length > 200 ? stem.slice(0, 200) : stem;
}
