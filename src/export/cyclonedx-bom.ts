// A parsed SPDX 2.x document as a CycloneDX 1.6 JSON BOM, with the list of what CycloneDX cannot express.
import { createHash } from 'node:crypto';
import type { Annotation, SpdxDocument } from '../../parsers/model.js';
import { toJsonText } from '../common/json-text.js';
import { fileComponent, packageComponent, type CdxComponent, type ComponentContext } from './cyclonedx-components.js';
import { imagePurlsOf } from './cyclonedx-images.js';
import { cdxLicenseNamed } from './cyclonedx-licenses.js';
import { cdxDependencies } from './cyclonedx-dependencies.js';
import { cdxContact, cdxEntity, cdxHashes, cdxTool, isDateTime } from './cyclonedx-fields.js';
import { NotExpressedLedger, type NotExpressed } from './not-expressed.js';
import { serialIsNamespace } from './source-properties.js';
import { SPDX_DOCUMENT_ROOT, SPDX_NAMESPACE_PROPERTY } from '../../parsers/cyclonedx/spdx-origin.js';

export interface CdxProperty {
  name: string;
  value: string;
}

export interface CycloneDxExport {
  text: string;
  bom: Record<string, unknown>;
  notExpressed: NotExpressed[];
}

/** A name-based (version 5) UUID: the same document namespace gives the same serial number on every run. */
export function uuidFrom(name: string): string {
  const hex = createHash('sha1').update(`kube-sbom:${name}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function annotations(doc: SpdxDocument, refs: ReadonlySet<string>, ledger: NotExpressedLedger) {
  const out: Record<string, unknown>[] = [];
  // CycloneDX annotations are unique items: a second identical one is listed, not written.
  const seen = new Set<string>();
  for (const a of doc.annotations) {
    const written = annotation(a);
    const key = JSON.stringify(written);
    if (!refs.has(a.spdxId)) ledger.drop('annotation of an element outside the document', a.spdxId, 'an annotation names a component of this BOM');
    else if (!isDateTime(a.date)) ledger.drop('annotation without a valid date', a.spdxId, 'CycloneDX requires a timestamp');
    else if (seen.has(key)) ledger.drop('repeated identical annotation', a.spdxId, 'CycloneDX annotations are unique');
    else {
      seen.add(key);
      out.push(written);
    }
    if (a.type !== 'OTHER') ledger.drop(`annotation type ${a.type}`, a.spdxId, 'CycloneDX annotations have no type');
  }
  return out;
}

function annotation(a: Annotation) {
  const annotator =
    a.annotator.type === 'Tool'
      ? { component: cdxTool(a.annotator) }
      : a.annotator.type === 'Person'
        ? { individual: cdxContact(a.annotator) }
        : { organization: cdxEntity(a.annotator) };
  return { subjects: [a.spdxId], annotator, timestamp: a.date, text: a.comment };
}

function metadata(doc: SpdxDocument, ledger: NotExpressedLedger, properties: readonly CdxProperty[]) {
  // The serial number is a UUID; the namespace itself is kept here for a reader to map back.
  // The source's own document properties stay properties; the CycloneDX reader's facts are not written back.
  const own = (doc.properties ?? []).filter((p) => !p.name.startsWith('cyclonedx:'));
  for (const p of doc.properties ?? [])
    if (p.name.startsWith('cyclonedx:') && !serialIsNamespace(doc, p)) ledger.drop(`document ${p.name}`, doc.spdxId, 'this export does not carry it over');
  const all = [
    ...(doc.documentNamespace ? [{ name: SPDX_NAMESPACE_PROPERTY, value: doc.documentNamespace }] : []),
    ...own.map((p) => ({ name: p.name, value: p.value })),
    ...properties,
  ];
  const { created, creators, licenseListVersion, comment } = doc.creationInfo;
  if (created !== undefined && !isDateTime(created))
    ledger.drop('creation date that is not an RFC 3339 date-time', created, 'CycloneDX timestamps are date-times');
  if (licenseListVersion) ledger.drop('creationInfo licenseListVersion', licenseListVersion, 'no CycloneDX field for it');
  if (comment) ledger.drop('creationInfo comment', doc.spdxId, 'no CycloneDX field for it');
  if (doc.comment) ledger.drop('document comment', doc.spdxId, 'no CycloneDX field for it');
  // Unique items in CycloneDX; a creator written twice says nothing more the second time.
  const unique = <T>(list: T[]) => [...new Map(list.map((x) => [JSON.stringify(x), x])).values()];
  const tools = unique(creators.filter((c) => c.type === 'Tool').map(cdxTool));
  const authors = unique(creators.filter((c) => c.type !== 'Tool').map(cdxContact));
  if (creators.some((c) => c.type === 'Organization'))
    ledger.approximate('creator Organization', doc.spdxId, 'written as an author (CycloneDX authors are contacts)');
  return {
    ...(created !== undefined && isDateTime(created) ? { timestamp: created } : {}),
    ...(tools.length > 0 ? { tools: { components: tools } } : {}),
    ...(authors.length > 0 ? { authors } : {}),
    // metadata.licenses is the licence of the BOM itself: SPDX's dataLicense.
    ...(doc.dataLicense ? { licenses: [cdxLicenseNamed(doc.dataLicense)] } : {}),
    // The document itself: what DESCRIBES relationships start from; marked so that a reader makes it the document again.
    component: {
      type: 'application',
      ...(doc.spdxId ? { 'bom-ref': doc.spdxId } : {}),
      name: doc.name || doc.documentNamespace || 'SPDX document',
      properties: [SPDX_DOCUMENT_ROOT],
    },
    ...(all.length > 0 ? { properties: all } : {}),
  };
}

export interface CycloneDxOptions {
  /** Written as metadata.properties, e.g. how this run verified the document. */
  properties?: readonly CdxProperty[];
}

export function documentToCycloneDx(doc: SpdxDocument, options: CycloneDxOptions = {}): CycloneDxExport {
  const ledger = new NotExpressedLedger();
  const ctx: ComponentContext = {
    ledger,
    extracted: new Map(doc.extractedLicensingInfos.map((e) => [e.licenseId, e])),
    textWritten: new Set(),
    images: imagePurlsOf(doc),
  };
  const components: CdxComponent[] = [];
  const refs = new Set<string>(doc.spdxId ? [doc.spdxId] : []);
  const add = (c: CdxComponent) => {
    if (!c['bom-ref']) return ledger.drop('element with no SPDXID', c.name, 'a bom-ref cannot be empty');
    // bom-refs must be unique: a repeated SPDXID is one element written twice by its tool.
    if (refs.has(c['bom-ref'])) return ledger.drop('element with a repeated SPDXID', c['bom-ref'], 'bom-refs are unique');
    refs.add(c['bom-ref']);
    components.push(c);
  };
  const meta = metadata(doc, ledger, options.properties ?? []);
  for (const p of doc.packages) add(packageComponent(p, ctx));
  for (const f of doc.files) add(fileComponent(f, ctx));
  for (const s of doc.snippets) ledger.drop('snippet', s.spdxId, 'CycloneDX has no snippets');
  const dependencies = cdxDependencies(doc.relationships, refs, ledger);
  const notes = annotations(doc, refs, ledger);
  for (const e of doc.extractedLicensingInfos) {
    if (!ctx.textWritten.has(e.licenseId))
      ledger.drop('extracted licence text', e.licenseId, 'written only with a licence named alone, not inside an expression');
  }
  const externalReferences = doc.externalDocumentRefs.map((r) => {
    const hashes = r.checksum ? cdxHashes(r.id, [r.checksum], ledger) : undefined;
    return { type: 'bom', url: r.documentNamespace, comment: `SPDX ${r.id}`, ...(hashes ? { hashes } : {}) };
  });
  const bom = {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    ...(doc.documentNamespace ? { serialNumber: `urn:uuid:${uuidFrom(doc.documentNamespace)}` } : {}),
    version: 1,
    metadata: meta,
    components,
    ...(externalReferences.length > 0 ? { externalReferences } : {}),
    ...(dependencies.length > 0 ? { dependencies } : {}),
    ...(notes.length > 0 ? { annotations: notes } : {}),
  };
  return { text: toJsonText(bom), bom, notExpressed: ledger.list() };
}
