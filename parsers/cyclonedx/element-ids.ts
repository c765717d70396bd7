// Element ids of a CycloneDX BOM: each element keeps its bom-ref as its id, so dependencies and annotations, which
// name elements by bom-ref, are read without a lookup table (for a large BOM that table cost as much as the rest of
// the conversion). Unique bom-refs and refs that resolve are checked by validation, as SPDXIDs are for SPDX 2.
// An element without a bom-ref gets `Component-N` or `Service-N`, numbered past every bom-ref of the document.

export class ElementIds {
  /** The document's bom-refs, gathered only when an element has none (most BOMs give every element one). */
  private taken?: Set<string>;
  private made = 0;

  constructor(private readonly root: unknown) {}

  assign(bomRef: string | undefined, stem: 'Component' | 'Service'): string {
    if (bomRef !== undefined && bomRef !== '') return bomRef;
    const taken = (this.taken ??= bomRefsIn(this.root));
    let id: string;
    do id = `${stem}-${++this.made}`;
    while (taken.has(id));
    taken.add(id);
    return id;
  }
}

/** Every string `bom-ref` anywhere in the parsed BOM, walked with a stack (any depth). */
function bomRefsIn(root: unknown): Set<string> {
  const found = new Set<string>();
  const stack: unknown[] = [root];
  for (let value = stack.pop(); value !== undefined; value = stack.pop()) {
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      if (key === 'bom-ref' && typeof item === 'string') found.add(item);
      else stack.push(item);
    }
  }
  return found;
}
