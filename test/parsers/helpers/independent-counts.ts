// Counts of CycloneDX and SPDX 3 documents made apart from the parsers: a plain walk of JSON.parse output, and for
// XML a scan of start and end tags with a stack of element names. Tests compare the model's counts with these.

export interface ForeignCounts {
  packages: number;
  files: number;
  /** CONTAINS for nesting, pedigree lineage, DEPENDS_ON / provides edges as written (validation reports dangling ones), DESCRIBES for the root. */
  relationships: number;
  checksums: number;
  purls: number;
}

interface Item {
  type: string | undefined;
  ref: string | undefined;
  service: boolean;
  /** Nested in a component, or one of its pedigree ancestors, descendants or variants: one relationship each. */
  nestedIn: boolean;
  hashes: number;
  purl: boolean;
}

function tally(items: Item[], edges: [string, string][], root: boolean): ForeignCounts {
  return {
    packages: items.filter((i) => i.type !== 'file').length,
    files: items.filter((i) => i.type === 'file').length,
    relationships: items.filter((i) => i.nestedIn).length + edges.filter(([a, b]) => a !== '' && b !== '').length + (root ? 1 : 0),
    checksums: items.reduce((n, i) => n + i.hashes, 0),
    purls: items.filter((i) => i.purl).length,
  };
}

type J = Record<string, unknown>;
const list = (v: unknown): J[] => (Array.isArray(v) ? (v as J[]) : []);

export function countCycloneDxJson(text: string): ForeignCounts {
  const bom = JSON.parse(text) as J;
  const items: Item[] = [];
  const visit = (node: J, service: boolean, nestedIn: boolean) => {
    items.push({
      type: service ? undefined : (node.type as string),
      ref: node['bom-ref'] as string | undefined,
      service,
      nestedIn,
      hashes: list(node.hashes).length,
      purl: typeof node.purl === 'string' && !service,
    });
    for (const c of list(node[service ? 'services' : 'components'])) visit(c, service, true);
    const pedigree = (node.pedigree ?? {}) as J;
    for (const key of ['ancestors', 'descendants', 'variants']) for (const c of list(pedigree[key])) visit(c, false, true);
  };
  const metadata = (bom.metadata ?? {}) as J;
  const main = metadata.component as J | undefined;
  if (main) visit(main, false, false);
  for (const c of list(bom.components)) visit(c, false, false);
  for (const s of list(bom.services)) visit(s, true, false);
  const edges: [string, string][] = [];
  for (const d of list(bom.dependencies)) {
    for (const to of [...((d.dependsOn as string[]) ?? []), ...((d.provides as string[]) ?? [])]) edges.push([d.ref as string, to]);
  }
  return tally(items, edges, main !== undefined);
}

const TAG = /<(\/?)([\w.-]+:)?([\w.-]+)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const attr = (attrs: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)
    .exec(attrs)
    ?.slice(1)
    .find((x) => x !== undefined);

export function countCycloneDxXml(text: string): ForeignCounts {
  const clean = text
    .replace(/<!--[^]*?-->/g, '')
    .replace(/<!\[CDATA\[[^]*?\]\]>/g, '')
    .replace(/<\?[^]*?\?>/g, '');
  const stack: string[] = [];
  const items: Item[] = [];
  const open: (Item | undefined)[] = [];
  const edges: [string, string][] = [];
  let root = false;
  let outer: string | undefined;
  for (const m of clean.matchAll(TAG)) {
    const [, close, , name, attrs, selfClosing] = m as unknown as [string, string, string, string, string, string];
    if (close) {
      stack.pop();
      open.pop();
      continue;
    }
    const parent = stack[stack.length - 1];
    const grand = stack[stack.length - 2];
    let item: Item | undefined;
    // Tool components describe the BOM's makers, not its content (as in JSON).
    if ((name === 'component' || name === 'service') && !stack.includes('tools')) {
      item = {
        type: name === 'component' ? attr(attrs, 'type') : undefined,
        ref: attr(attrs, 'bom-ref'),
        service: name === 'service',
        nestedIn: grand === 'component' || grand === 'service' || grand === 'pedigree',
        hashes: 0,
        purl: false,
      };
      if (parent === 'metadata') root = true;
      items.push(item);
    }
    const owner = open.findLast((x) => x !== undefined);
    if (name === 'hash' && parent === 'hashes' && owner && stack[stack.length - 2] === (owner.service ? 'service' : 'component')) owner.hashes++;
    if (name === 'purl' && owner && parent === 'component') owner.purl = true;
    if (name === 'dependency' && parent === 'dependencies') outer = attr(attrs, 'ref');
    if ((name === 'dependency' || name === 'provides') && parent === 'dependency' && outer !== undefined) edges.push([outer, attr(attrs, 'ref') ?? '']);
    if (selfClosing) continue;
    stack.push(name);
    open.push(item);
  }
  return tally(items, edges, root);
}

export interface Spdx3Counts {
  packages: number;
  files: number;
  /** Relationship targets between packages, files and the document, licence relationships left out; plus DESCRIBES of roots not already described. */
  relationships: number;
  checksums: number;
  declaredLicences: number;
}

const PACKAGE_TYPES = ['software_Package', 'ai_AIPackage', 'dataset_DatasetPackage'];

export function countSpdx3(text: string): Spdx3Counts {
  const graph = list((JSON.parse(text) as J)['@graph']);
  const typeOf = (n: J) => (n.type ?? n['@type']) as string;
  const idOf = (n: J) => (n.spdxId ?? n['@id']) as string;
  const elements = new Set(graph.filter((n) => PACKAGE_TYPES.includes(typeOf(n)) || typeOf(n) === 'software_File').map(idOf));
  const documents = new Set(['SPDXRef-DOCUMENT', ...graph.filter((n) => ['SpdxDocument', 'software_Sbom', 'Bom', 'Bundle'].includes(typeOf(n))).map(idOf)]);
  const known = (id: unknown) => typeof id === 'string' && (elements.has(id) || documents.has(id));
  let relationships = 0;
  const described = new Set<string>();
  const declared = new Set<string>();
  for (const n of graph) {
    if (typeOf(n) !== 'Relationship' && typeOf(n) !== 'LifecycleScopedRelationship') continue;
    const type = String(n.relationshipType).toLowerCase().replace(/_/g, '');
    const to = Array.isArray(n.to) ? n.to : [n.to];
    if (type === 'hasdeclaredlicense') {
      if (elements.has(n.from as string)) declared.add(n.from as string);
      continue;
    }
    if (type === 'hasconcludedlicense') continue;
    for (const t of to) {
      if (!known(n.from) || !known(t)) continue;
      relationships++;
      if (type === 'describes' && documents.has(n.from as string)) described.add(t as string);
    }
  }
  const doc = graph.find((n) => typeOf(n) === 'SpdxDocument');
  const roots = [...list(doc?.rootElement as unknown).map(String)];
  const seen = new Set<string>();
  while (roots.length > 0) {
    const r = roots.shift()!;
    if (seen.has(r)) continue;
    seen.add(r);
    if (elements.has(r)) {
      if (!described.has(r)) relationships++;
      described.add(r);
    } else {
      const node = graph.find((n) => idOf(n) === r);
      if (node) roots.push(...list(node.rootElement as unknown).map(String));
    }
  }
  const itemsWithHashes = graph.filter((n) => elements.has(idOf(n)));
  return {
    packages: graph.filter((n) => PACKAGE_TYPES.includes(typeOf(n))).length,
    files: graph.filter((n) => typeOf(n) === 'software_File').length,
    relationships,
    checksums: itemsWithHashes.reduce((s, n) => s + list(n.verifiedUsing).length, 0),
    declaredLicences: declared.size,
  };
}
