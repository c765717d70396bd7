// CycloneDX 1.4-1.6 (JSON, or XML shaped into the JSON layout) to the model. How the model grew, once, for every
// non-SPDX-2 spec: the document says which spec it was (`spec`, and `spdxVersion` `CycloneDX-1.6`); elements and
// the document carry `properties` (name/value) for what SPDX 2 has no field for. Mapping:
//   components (nested)    -> packages (a `file` component -> a file), parent CONTAINS child
//   services (nested)      -> packages with `cyclonedx:element = service`, endpoints etc. as properties
//   dependencies           -> DEPENDS_ON; 1.6 `provides` -> OTHER with the comment `cyclonedx:provides`; refs that
//                             name no element are kept and reported by validation, as in SPDX 2
//   bom-ref                -> the element's id, as written (element-ids.ts); `Component-N` for an element without one
//   type, group, scope ... -> `cyclonedx:<field>` properties; component `properties` under their own names
//   hashes / licenses      -> checksums / declared (or, with 1.6 acknowledgement, concluded) licence expressions
//   purl, cpe, references  -> external refs (website -> homepage, distribution -> download location too)
//   pedigree               -> ancestors / descendants / variants as components with ANCESTOR_OF / DESCENDANT_OF /
//                             VARIANT_OF the component; commit and patch counts, notes as properties
//   metadata.component     -> the described root (DESCRIBES); tools, authors, timestamp -> creation info;
//                             marked by kube-sbom as an SPDX document (spdx-origin.ts): the document itself, its
//                             dependsOn DESCRIBES, and the namespace from metadata.properties
//   externalReferences     -> `bom` ones as external document refs (DocumentRef id from kube-sbom's comment)
//   annotations            -> annotations of type OTHER, one per subject
//   metadata.licenses      -> dataLicense (the licence of the BOM itself)
//   serialNumber, version, lifecycles, metadata properties -> document properties
import type { ConvertContext } from '../json-like/context.js';
import { at, isObject, objList, show, str } from '../json-like/values.js';
import { emptyDocument, type Actor, type Property, type Relationship, type SpdxDocument } from '../model.js';
import { ElementIds } from './element-ids.js';
import { readElements, readSingle, type Elements } from './components.js';
import { actorOf, licences, ownProperties, toolActor } from './fields.js';
import { readAnnotations } from './annotations.js';
import { externalBoms } from './external-boms.js';
import { isSpdxDocumentRoot, SPDX_NAMESPACE_PROPERTY } from './spdx-origin.js';

const SPDX_ID = /^SPDXRef-[A-Za-z0-9.-]+$/;

const KNOWN_VERSIONS = new Set(['1.0', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6']);
/** Top-level sections the model has no place for; their presence is reported, not silently lost. */
const NOT_READ = ['vulnerabilities', 'compositions', 'formulation', 'declarations', 'definitions', 'signature'];

/** True when a parsed JSON value looks like a CycloneDX BOM. */
export function isCycloneDx(root: unknown): boolean {
  return isObject(root) && root.bomFormat === 'CycloneDX';
}

export function convertCycloneDx(ctx: ConvertContext, root: unknown): SpdxDocument {
  const doc = emptyDocument();
  if (!isObject(root)) {
    ctx.error(`${ctx.format}_NOT_AN_OBJECT`, `a CycloneDX BOM must be an object, found ${Array.isArray(root) ? 'a list' : show(root)}`, '');
    return doc;
  }
  if (root.bomFormat !== 'CycloneDX') ctx.error('CYCLONEDX_BOM_FORMAT', `bomFormat must be "CycloneDX", found ${show(root.bomFormat)}`, 'bomFormat');
  const version = str(ctx, root.specVersion, 'specVersion');
  if (version === undefined) ctx.error('MISSING_REQUIRED_FIELD', 'the BOM has no specVersion', 'specVersion');
  else if (!KNOWN_VERSIONS.has(version))
    ctx.warn('CYCLONEDX_SPEC_VERSION', `specVersion ${show(version)} is not a CycloneDX version this reader knows (1.0 to 1.6)`, 'specVersion');
  doc.spec = { name: 'CycloneDX', version: version ?? '' };
  doc.spdxVersion = `CycloneDX-${version ?? ''}`;
  doc.spdxId = 'SPDXRef-DOCUMENT';
  const serial = str(ctx, root.serialNumber, 'serialNumber');
  doc.documentNamespace = serial ?? '';

  const properties: Property[] = [];
  if (serial !== undefined) properties.push({ name: 'cyclonedx:serialNumber', value: serial });
  if (root.version !== undefined) properties.push({ name: 'cyclonedx:version', value: String(root.version) });

  const ids = new ElementIds(root);
  const elements: Elements = { packages: doc.packages, files: doc.files, relationships: doc.relationships };
  const metadata = isObject(root.metadata) ? root.metadata : undefined;
  if (metadata) {
    readMetadata(ctx, metadata, doc.creationInfo, properties);
    // The licence of the BOM itself: what SPDX calls the data licence.
    if (metadata.licenses !== undefined) {
      const own = licences(ctx, metadata.licenses, 'metadata.licenses');
      const value = own.declared ?? own.concluded;
      if (value && 'text' in value) doc.dataLicense = value.text;
    }
    const main = isObject(metadata.component) ? metadata.component : undefined;
    const spdxRoot = main && isSpdxDocumentRoot(main) && main.components === undefined ? main['bom-ref'] : undefined;
    if (main && typeof spdxRoot === 'string' && SPDX_ID.test(spdxRoot)) {
      // An SPDX document written by kube-sbom: the component is the document again, not a package it describes.
      doc.spdxId = spdxRoot;
      doc.name = typeof main.name === 'string' ? main.name : '';
    } else if (main) {
      const rootId = readSingle(ctx, ids, main, 'metadata.component', elements);
      doc.relationships.push({ from: doc.spdxId, type: 'DESCRIBES', to: rootId });
      doc.name = typeof main.name === 'string' ? `${main.name}${typeof main.version === 'string' ? `@${main.version}` : ''}` : '';
    }
  }
  if (doc.name === '') doc.name = serial ?? '';
  readElements(ctx, ids, root.components, 'components', false, undefined, elements);
  readElements(ctx, ids, root.services, 'services', true, undefined, elements);
  if (root.externalReferences !== undefined) doc.externalDocumentRefs = externalBoms(ctx, root.externalReferences);
  readDependencies(ctx, root.dependencies, doc.relationships, doc.spdxId);
  if (root.annotations !== undefined) readAnnotations(ctx, root.annotations, doc);
  ownProperties(ctx, root.properties, properties, 'properties');
  const namespace = properties.find((p) => p.name === SPDX_NAMESPACE_PROPERTY);
  if (namespace) doc.documentNamespace = namespace.value;
  const skipped = NOT_READ.filter((k) => root[k] !== undefined).map((k) => (Array.isArray(root[k]) ? `${k} (${(root[k] as unknown[]).length})` : k));
  if (skipped.length > 0) {
    properties.push({ name: 'cyclonedx:not-read', value: skipped.join(', ') });
    ctx.report('info', 'CYCLONEDX_NOT_READ', `sections with no place in the model, not read: ${skipped.join(', ')}`, '');
  }
  doc.properties = properties;
  return doc;
}

function readMetadata(ctx: ConvertContext, metadata: Record<string, unknown>, info: { created?: string; creators: Actor[] }, properties: Property[]): void {
  const timestamp = str(ctx, metadata.timestamp, 'metadata.timestamp');
  if (timestamp !== undefined) info.created = timestamp;
  // 1.4: a list of tools; 1.5+: {components, services}.
  const tools = metadata.tools;
  const toolList = Array.isArray(tools)
    ? objList(ctx, tools, 'metadata.tools')
    : isObject(tools)
      ? [...objList(ctx, tools.components, 'metadata.tools.components'), ...objList(ctx, tools.services, 'metadata.tools.services')]
      : [];
  for (let i = 0; i < toolList.length; i++) {
    const tool = toolActor(ctx, toolList[i]!, `metadata.tools[${i}]`);
    if (tool) info.creators.push(tool);
  }
  for (const [i, a] of objList(ctx, metadata.authors, 'metadata.authors').entries()) {
    const author = actorOf(ctx, a, 'Person', `metadata.authors[${i}]`);
    if (author) info.creators.push(author);
  }
  for (const key of ['manufacture', 'manufacturer', 'supplier'] as const) {
    const org = actorOf(ctx, metadata[key], 'Organization', at('metadata', key));
    if (org) properties.push({ name: `cyclonedx:${key}`, value: org.name });
  }
  for (const l of objList(ctx, metadata.lifecycles, 'metadata.lifecycles')) {
    const phase = typeof l.phase === 'string' ? l.phase : typeof l.name === 'string' ? l.name : undefined;
    if (phase !== undefined) properties.push({ name: 'cyclonedx:lifecycle', value: phase });
  }
  ownProperties(ctx, metadata.properties, properties, 'metadata.properties');
}

/** Hoisted: a literal here would be built again for each of a BOM's hundreds of thousands of dependency entries. */
const DEPENDENCY_KINDS = [
  ['dependsOn', 'DEPENDS_ON'],
  ['provides', 'OTHER'],
] as const;

/**
 * Dependencies as relationships between the bom-refs they name (the elements' ids): whether each names an element
 * is for validation to say. `documentId dependsOn X` is the document describing X (how kube-sbom writes DESCRIBES).
 */
function readDependencies(ctx: ConvertContext, value: unknown, into: Relationship[], documentId: string): void {
  const list = objList(ctx, value, 'dependencies');
  for (let i = 0; i < list.length; i++) {
    const dep = list[i]!;
    // Paths (`dependencies[i]`) are made only for a diagnostic: a large BOM has a hundred thousand entries.
    const from = typeof dep.ref === 'string' ? dep.ref : str(ctx, dep.ref, at('dependencies', i), 'ref');
    if (from === undefined || from === '') {
      ctx.error('MISSING_REQUIRED_FIELD', 'a dependency needs a ref', at('dependencies', i));
      continue;
    }
    for (let k = 0; k < DEPENDENCY_KINDS.length; k++) {
      const [key, type] = DEPENDENCY_KINDS[k]!;
      const targets = dep[key];
      if (targets === undefined) continue;
      if (!Array.isArray(targets)) {
        ctx.error(`${ctx.format}_WRONG_TYPE`, `${key} must be a list of bom-refs`, at(at('dependencies', i), key));
        continue;
      }
      for (let j = 0; j < targets.length; j++) {
        const to: unknown = targets[j];
        if (typeof to !== 'string' || to === '') {
          ctx.error(`${ctx.format}_WRONG_TYPE`, `${key} names ${show(to)}, which is not a bom-ref; ignored`, `dependencies[${i}].${key}[${j}]`);
          continue;
        }
        const relationship: Relationship =
          type === 'OTHER' ? { from, type, to, comment: 'cyclonedx:provides' } : { from, type: from === documentId ? 'DESCRIBES' : type, to };
        // Where validation's finding about this ref points (only documents small enough for element positions).
        const position = ctx.elementPositions ? ctx.positionOf(`dependencies[${i}].${key}[${j}]`) : undefined;
        if (position) relationship.position = position;
        into.push(relationship);
      }
    }
  }
}
