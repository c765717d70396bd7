// CycloneDX components and services (nested to any depth) to packages and files, with CONTAINS for nesting.
// A `file` component becomes an SPDX file; a service becomes a package marked `cyclonedx:element = service`.
import type { ConvertContext } from '../json-like/context.js';
import { at, isObject, objList, str } from '../json-like/values.js';
import { EMPTY_LIST, type Package, type Property, type Relationship, type SpdxFile } from '../model.js';
import type { ElementIds } from './element-ids.js';
import { actorOf, entityActor, externalRefs, hashes, licences, ownProperties, type Licences } from './fields.js';

/** Component types (1.4 to 1.6) to SPDX 2.3 primary package purposes; the type itself is kept as a property too. */
const PURPOSES: Record<string, string> = {
  application: 'APPLICATION',
  framework: 'FRAMEWORK',
  library: 'LIBRARY',
  container: 'CONTAINER',
  platform: 'OTHER',
  'operating-system': 'OPERATING-SYSTEM',
  device: 'DEVICE',
  'device-driver': 'OTHER',
  firmware: 'FIRMWARE',
  file: 'FILE',
  'machine-learning-model': 'OTHER',
  data: 'OTHER',
  'cryptographic-asset': 'OTHER',
};

export interface Elements {
  packages: Package[];
  files: SpdxFile[];
  relationships: Relationship[];
}

interface Pending {
  obj: Record<string, unknown>;
  path: string;
  parent: string;
}

/**
 * Reads a list of components or services, and everything nested in them, in document order. The list itself is
 * walked in a loop; only nested lists go through a stack (no recursion, so any depth is fine).
 */
export function readElements(
  ctx: ConvertContext,
  ids: ElementIds,
  list: unknown,
  path: string,
  service: boolean,
  parent: string | undefined,
  into: Elements,
  /** For pedigree lists: each item <type> the component whose pedigree it is (instead of CONTAINS). */
  lineage?: { type: string; to: string },
): void {
  const items = objList(ctx, list, path);
  const nestedKey = service ? 'services' : 'components';
  for (let i = 0; i < items.length; i++) {
    const obj = items[i]!;
    const itemPath = `${path}[${i}]`;
    const id = readOne(ctx, ids, obj, itemPath, service, into);
    if (parent !== undefined) into.relationships.push({ from: parent, type: 'CONTAINS', to: id });
    else if (lineage) into.relationships.push({ from: id, type: lineage.type, to: lineage.to });
    // Named loads, not obj[nestedKey]: a keyed load with a variable key is a slow, megamorphic lookup per element.
    const nested = service ? obj.services : obj.components;
    if (nested !== undefined) readNested(ctx, ids, nested, at(itemPath, nestedKey), id, service, into);
  }
}

function readNested(ctx: ConvertContext, ids: ElementIds, list: unknown, path: string, parent: string, service: boolean, into: Elements): void {
  const stack: Pending[] = [];
  const nestedKey = service ? 'services' : 'components';
  pushList(ctx, stack, list, path, parent);
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const id = readOne(ctx, ids, next.obj, next.path, service, into);
    into.relationships.push({ from: next.parent, type: 'CONTAINS', to: id });
    const nested = service ? next.obj.services : next.obj.components;
    if (nested !== undefined) pushList(ctx, stack, nested, at(next.path, nestedKey), id);
  }
}

/** Read one component (or service) that is not in a list: the metadata component. */
export function readSingle(ctx: ConvertContext, ids: ElementIds, obj: Record<string, unknown>, path: string, into: Elements): string {
  const id = readOne(ctx, ids, obj, path, false, into);
  if (obj.components !== undefined) readElements(ctx, ids, obj.components, at(path, 'components'), false, id, into);
  return id;
}

function pushList(ctx: ConvertContext, stack: Pending[], list: unknown, path: string, parent: string): void {
  const items = objList(ctx, list, path);
  // Reversed onto the stack so that elements come out in document order.
  for (let i = items.length - 1; i >= 0; i--) stack.push({ obj: items[i]!, path: `${path}[${i}]`, parent });
}

/** One `cyclonedx:type` property object per known type, shared by every element of that type (only known types: the map lives across documents). */
const TYPE_PROPERTIES = new Map<string, Property>(Object.keys(PURPOSES).map((t) => [t, Object.freeze({ name: 'cyclonedx:type', value: t })]));
const TYPE_ONLY_LISTS = new Map<string, Property[]>([...TYPE_PROPERTIES].map(([t, p]) => [t, Object.freeze([p]) as Property[]]));
const SERVICE_PROPERTY: Property = Object.freeze({ name: 'cyclonedx:element', value: 'service' });
const OPTIONAL_TEXT = ['group', 'scope', 'publisher', 'mime-type'] as const;
const OPTIONAL_TEXT_NAMES = OPTIONAL_TEXT.map((key) => `cyclonedx:${key}`);
/** `cyclonedx:<key>` for OPTIONAL_TEXT[k], when the value reads as text. */
function optionalText(ctx: ConvertContext, value: unknown, path: string, k: number, into: Property[]): void {
  const v = str(ctx, value, path, OPTIONAL_TEXT[k]);
  if (v !== undefined) into.push({ name: OPTIONAL_TEXT_NAMES[k]!, value: v });
}
/** The one list readOne gathers an element's properties in (conversion is synchronous, so never shared). */
const SCRATCH: Property[] = [];

/** One frozen `cyclonedx:author` property per author in a document: most components of a BOM repeat one. */
function authorProperty(ctx: ConvertContext, author: string): Property {
  let known = authorProperties.get(ctx);
  if (!known) authorProperties.set(ctx, (known = new Map()));
  let found = known.get(author);
  if (!found) known.set(author, (found = Object.freeze({ name: 'cyclonedx:author', value: author })));
  return found;
}
const authorProperties = new WeakMap<ConvertContext, Map<string, Property>>();

function readOne(ctx: ConvertContext, ids: ElementIds, obj: Record<string, unknown>, path: string, service: boolean, into: Elements): string {
  const ref = obj['bom-ref'];
  const bomRef = typeof ref === 'string' ? ref : str(ctx, ref, path, 'bom-ref');
  const spdxId = ids.assign(bomRef, service ? 'Service' : 'Component');
  const type = service ? undefined : typeof obj.type === 'string' ? obj.type : str(ctx, obj.type, path, 'type');
  const name = typeof obj.name === 'string' ? obj.name : str(ctx, obj.name, path, 'name');
  if (name === undefined) ctx.error('MISSING_REQUIRED_FIELD', `a ${service ? 'service' : 'component'} needs a name`, path);
  if (!service && type === undefined) ctx.error('MISSING_REQUIRED_FIELD', 'a component needs a type', path);
  else if (type !== undefined && PURPOSES[type] === undefined)
    ctx.warn('CYCLONEDX_COMPONENT_TYPE', `unknown component type ${JSON.stringify(type)}`, at(path, 'type'));

  // Gathered in one reused list, then copied at its exact size: a list grown by push reserves 17 slots, and these
  // lists outlive the conversion (most elements have 2 to 15 properties).
  const properties = SCRATCH;
  properties.length = 0;
  if (service) properties.push(SERVICE_PROPERTY);
  if (type !== undefined) {
    properties.push(TYPE_PROPERTIES.get(type) ?? { name: 'cyclonedx:type', value: type });
  }
  // Named loads rather than a loop over the keys (see readElements).
  if (obj.group !== undefined) optionalText(ctx, obj.group, path, 0, properties);
  if (obj.scope !== undefined) optionalText(ctx, obj.scope, path, 1, properties);
  if (obj.publisher !== undefined) optionalText(ctx, obj.publisher, path, 2, properties);
  if (obj['mime-type'] !== undefined) optionalText(ctx, obj['mime-type'], path, 3, properties);
  if (typeof obj.author === 'string') properties.push(authorProperty(ctx, obj.author));
  if (service) serviceFacts(ctx, obj, path, properties);
  if (obj.properties !== undefined) ownProperties(ctx, obj.properties, properties, path, 'properties');
  // An element whose one fact is its type (most file components) shares a frozen list; pedigree adds to its own.
  const typeOnly = properties.length === 1 && type !== undefined && properties[0] === TYPE_PROPERTIES.get(type) && obj.pedigree === undefined;
  const ownList = typeOnly ? TYPE_ONLY_LISTS.get(type)! : properties.slice();
  properties.length = 0;

  const checksums = obj.hashes === undefined ? EMPTY_LIST : hashes(ctx, obj.hashes, path, 'hashes');
  const lic = obj.licenses === undefined ? NO_LICENCES : licences(ctx, obj.licenses, path, 'licenses');
  const copyright = obj.copyright === undefined ? undefined : str(ctx, obj.copyright, path, 'copyright');
  const description = obj.description === undefined ? undefined : str(ctx, obj.description, path, 'description');
  const position = ctx.positionOf(path);

  if (type === 'file') {
    const file: SpdxFile = {
      elementType: 'file',
      spdxId,
      name: name ?? '',
      fileTypes: EMPTY_LIST,
      checksums,
      licenseInfoInFiles: lic.declared ? [lic.declared] : EMPTY_LIST,
      contributors: EMPTY_LIST,
      annotations: EMPTY_LIST,
      attributionTexts: EMPTY_LIST,
      properties: ownList,
    };
    if (lic.concluded) file.licenseConcluded = lic.concluded;
    if (copyright !== undefined) file.copyrightText = copyright;
    if (description !== undefined) file.comment = description;
    if (position) file.position = position;
    into.files.push(file);
    return spdxId;
  }
  const pkg: Package = {
    elementType: 'package',
    spdxId,
    name: name ?? '',
    checksums,
    licenseInfoFromFiles: EMPTY_LIST,
    externalRefs: service ? EMPTY_LIST : externalRefs(ctx, obj, path),
    annotations: EMPTY_LIST,
    attributionTexts: EMPTY_LIST,
    properties: ownList,
  };
  const version = typeof obj.version === 'string' ? obj.version : obj.version === undefined ? undefined : str(ctx, obj.version, path, 'version');
  if (version !== undefined) pkg.version = version;
  if (type !== undefined && PURPOSES[type]) pkg.primaryPackagePurpose = PURPOSES[type];
  const supplierValue = service ? obj.provider : obj.supplier;
  const supplier = supplierValue === undefined ? undefined : entityActor(ctx, supplierValue, at(path, service ? 'provider' : 'supplier'));
  if (supplier) pkg.supplier = supplier;
  const manufacturer = service || obj.manufacturer === undefined ? undefined : entityActor(ctx, obj.manufacturer, at(path, 'manufacturer'));
  // Without a manufacturer, the first of the 1.6 authors (where kube-sbom writes an SPDX originator).
  const author = manufacturer || service || !Array.isArray(obj.authors) ? undefined : actorOf(ctx, obj.authors[0], 'Person', at(at(path, 'authors'), 0));
  if (manufacturer ?? author) pkg.originator = (manufacturer ?? author)!;
  if (lic.declared) pkg.licenseDeclared = lic.declared;
  if (lic.concluded) pkg.licenseConcluded = lic.concluded;
  if (copyright !== undefined) pkg.copyrightText = copyright;
  if (description !== undefined) pkg.description = description;
  for (const ref of pkg.externalRefs) {
    if (ref.type === 'cyclonedx:website' && pkg.homepage === undefined) pkg.homepage = ref.locator;
    if (ref.type === 'cyclonedx:distribution' && pkg.downloadLocation === undefined) pkg.downloadLocation = ref.locator;
  }
  if (position) pkg.position = position;
  into.packages.push(pkg);
  if (isObject(obj.pedigree)) readPedigree(ctx, ids, obj.pedigree, at(path, 'pedigree'), spdxId, ownList, into);
  return spdxId;
}

/** Pedigree: ancestors, descendants and variants are components of their own with SPDX 2's lineage relationships. */
const LINEAGE = [
  ['ancestors', 'ANCESTOR_OF'],
  ['descendants', 'DESCENDANT_OF'],
  ['variants', 'VARIANT_OF'],
] as const;

function readPedigree(
  ctx: ConvertContext,
  ids: ElementIds,
  pedigree: Record<string, unknown>,
  path: string,
  spdxId: string,
  properties: Property[],
  into: Elements,
): void {
  for (const [key, type] of LINEAGE) {
    if (pedigree[key] !== undefined) readElements(ctx, ids, pedigree[key], at(path, key), false, undefined, into, { type, to: spdxId });
  }
  for (const key of ['commits', 'patches'] as const) {
    if (Array.isArray(pedigree[key])) properties.push({ name: `cyclonedx:pedigree-${key}`, value: String(pedigree[key].length) });
  }
  if (typeof pedigree.notes === 'string') properties.push({ name: 'cyclonedx:pedigree-notes', value: pedigree.notes });
}

const NO_LICENCES: Licences = Object.freeze({});

function serviceFacts(ctx: ConvertContext, obj: Record<string, unknown>, path: string, properties: Property[]): void {
  if (Array.isArray(obj.endpoints)) for (const e of obj.endpoints) if (typeof e === 'string') properties.push({ name: 'cyclonedx:endpoint', value: e });
  for (const key of ['authenticated', 'x-trust-boundary', 'trustZone'] as const) {
    const v = obj[key];
    if (typeof v === 'boolean' || typeof v === 'string') properties.push({ name: `cyclonedx:${key}`, value: String(v) });
  }
  if (Array.isArray(obj.data)) properties.push({ name: 'cyclonedx:data-flows', value: String(obj.data.length) });
  if (isObject(obj.provider) && obj.provider.name === undefined) ctx.warn('CYCLONEDX_PROVIDER', 'the service provider has no name', at(path, 'provider'));
}
