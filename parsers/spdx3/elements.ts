// SPDX 3 software_Package (and the AI and dataset packages), software_File and software_Snippet to the model's
// packages, files and snippets; what SPDX 2 has no field for becomes `spdx3:<property>` properties.
import { lowerHex } from '../json-like/checksums.js';
import type { ConvertContext } from '../json-like/context.js';
import {
  CHECKSUM_ALGORITHMS,
  EMPTY_LIST,
  FILE_TYPES,
  NOASSERTION,
  NONE,
  PRIMARY_PACKAGE_PURPOSES,
  type Actor,
  type Checksum,
  type ExternalPackageRef,
  type Package,
  type Property,
  type Snippet,
  type SnippetRange,
  type Spdx,
  type SpdxFile,
} from '../model.js';
import { idOf, listOf, text, typeOf, type Graph } from './graph.js';

export const PACKAGE_TYPES = new Set(['software_Package', 'ai_AIPackage', 'dataset_DatasetPackage']);
export const FILE_TYPE = 'software_File';
export const SNIPPET_TYPE = 'software_Snippet';

const ALGORITHM_BY_LOOSE = new Map(CHECKSUM_ALGORITHMS.map((a) => [a.toUpperCase().replace(/[-_]/g, ''), a]));
const PURPOSES = new Set<string>(PRIMARY_PACKAGE_PURPOSES);
const FILE_TYPE_SET = new Set<string>(FILE_TYPES);
const AGENT_TYPES: Record<string, Actor['type']> = { Person: 'Person', Organization: 'Organization', Tool: 'Tool', SoftwareAgent: 'Tool' };

/** `operatingSystem` -> `OPERATING-SYSTEM`, the SPDX 2 spelling of SPDX 3 vocabulary. */
export function upperDashed(value: string): string {
  return value.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toUpperCase();
}

export function hashesOf(ctx: ConvertContext, node: Record<string, unknown>, path: string): readonly Checksum[] {
  const out: Checksum[] = [];
  for (const h of listOf(node.verifiedUsing)) {
    if (typeof h !== 'object' || h === null) continue;
    const alg = text((h as Record<string, unknown>).algorithm);
    const value = text((h as Record<string, unknown>).hashValue);
    if (alg === undefined || value === undefined) {
      ctx.error('MISSING_REQUIRED_FIELD', 'a verifiedUsing hash needs algorithm and hashValue', `${path}.verifiedUsing`);
      continue;
    }
    const known = ALGORITHM_BY_LOOSE.get(alg.toUpperCase().replace(/[-_]/g, ''));
    if (!known) ctx.warn('CHECKSUM_ALGORITHM_UNKNOWN', `unknown hash algorithm ${JSON.stringify(alg)}; kept as written`, `${path}.verifiedUsing`);
    out.push({ algorithm: known ?? alg, value: lowerHex(value) });
  }
  return out.length === 0 ? EMPTY_LIST : out;
}

/** An agent (Person, Organization, Tool, SoftwareAgent) referred to by id, as an actor. */
export function actorOf(graph: Graph, ref: unknown): Actor | undefined {
  const node = graph.resolve(ref);
  if (!node) return undefined;
  const name = text(node.name);
  if (name === undefined) return undefined;
  const email = listOf(node.externalIdentifier)
    .map((x) => graph.resolve(x))
    .find((x) => x?.externalIdentifierType === 'email');
  const actor: Actor = { type: AGENT_TYPES[typeOf(node)] ?? 'Organization', name };
  if (email && typeof email.identifier === 'string') actor.email = email.identifier;
  return actor;
}

function spdxText(value: unknown): Spdx<string> | undefined {
  const s = text(value);
  return s === 'NOASSERTION' ? NOASSERTION : s === 'NONE' ? NONE : s;
}

function externalRefsOf(graph: Graph, node: Record<string, unknown>): ExternalPackageRef[] {
  const out: ExternalPackageRef[] = [];
  const purl = text(node.software_packageUrl);
  if (purl) out.push({ category: 'PACKAGE-MANAGER', type: 'purl', locator: purl });
  for (const item of listOf(node.externalIdentifier)) {
    const x = graph.resolve(item);
    const type = text(x?.externalIdentifierType);
    const id = text(x?.identifier);
    if (!type || !id) continue;
    if (type === 'packageUrl' || type === 'purl') {
      if (id !== purl) out.push({ category: 'PACKAGE-MANAGER', type: 'purl', locator: id });
    } else if (type === 'cpe23' || type === 'cpe22') out.push({ category: 'SECURITY', type: `${type}Type`, locator: id });
    else if (type === 'swhid') out.push({ category: 'PERSISTENT-ID', type: 'swh', locator: id });
    else out.push({ category: 'OTHER', type: `spdx3:${type}`, locator: id });
  }
  for (const item of listOf(node.externalRef)) {
    const x = graph.resolve(item);
    const type = text(x?.externalRefType) ?? 'other';
    for (const locator of listOf(x?.locator)) if (typeof locator === 'string') out.push({ category: 'OTHER', type: `spdx3:${type}`, locator });
  }
  return out;
}

function commonProperties(node: Record<string, unknown>): Property[] {
  const properties: Property[] = [];
  const iri = idOf(node);
  if (iri !== undefined) properties.push({ name: 'spdx3:spdxId', value: iri });
  properties.push({ name: 'spdx3:type', value: typeOf(node) });
  for (const key of ['software_additionalPurpose', 'software_contentType', 'software_attributionText'] as const) {
    for (const v of listOf(node[key])) if (typeof v === 'string') properties.push({ name: `spdx3:${key.replace(/^software_/, '')}`, value: v });
  }
  return properties;
}

export function convertPackage(ctx: ConvertContext, graph: Graph, node: Record<string, unknown>, spdxId: string, path: string): Package {
  const properties = commonProperties(node);
  const pkg: Package = {
    elementType: 'package',
    spdxId,
    name: text(node.name) ?? '',
    checksums: hashesOf(ctx, node, path),
    licenseInfoFromFiles: EMPTY_LIST,
    externalRefs: externalRefsOf(graph, node),
    annotations: EMPTY_LIST,
    attributionTexts: EMPTY_LIST,
    properties,
  };
  if (pkg.name === '') ctx.error('MISSING_REQUIRED_FIELD', 'a package needs a name', path);
  const set = <K extends keyof Package>(key: K, value: Package[K] | undefined) => {
    if (value !== undefined) pkg[key] = value;
  };
  set('version', text(node.software_packageVersion));
  set('downloadLocation', spdxText(node.software_downloadLocation));
  set('homepage', spdxText(node.software_homePage));
  set('copyrightText', spdxText(node.software_copyrightText));
  set('sourceInfo', text(node.software_sourceInfo));
  set('summary', text(node.summary));
  set('description', text(node.description));
  set('comment', text(node.comment));
  set('releaseDate', text(node.releaseTime));
  set('builtDate', text(node.builtTime));
  set('validUntilDate', text(node.validUntilTime));
  set('supplier', actorOf(graph, node.suppliedBy));
  set('originator', actorOf(graph, listOf(node.originatedBy)[0]));
  const purpose = text(node.software_primaryPurpose);
  if (purpose !== undefined) {
    const upper = upperDashed(purpose);
    pkg.primaryPackagePurpose = PURPOSES.has(upper) ? upper : purpose;
  }
  const position = ctx.positionOf(path);
  if (position) pkg.position = position;
  return pkg;
}

export function convertFile(ctx: ConvertContext, node: Record<string, unknown>, spdxId: string, path: string): SpdxFile {
  const purposes = [node.software_primaryPurpose, ...listOf(node.software_additionalPurpose)].filter((p): p is string => typeof p === 'string');
  const file: SpdxFile = {
    elementType: 'file',
    spdxId,
    name: text(node.name) ?? '',
    fileTypes: purposes.map(upperDashed).filter((t) => FILE_TYPE_SET.has(t)),
    checksums: hashesOf(ctx, node, path),
    licenseInfoInFiles: EMPTY_LIST,
    contributors: EMPTY_LIST,
    annotations: EMPTY_LIST,
    attributionTexts: EMPTY_LIST,
    properties: commonProperties(node),
  };
  if (file.name === '') ctx.error('MISSING_REQUIRED_FIELD', 'a file needs a name', path);
  const copyright = spdxText(node.software_copyrightText);
  if (copyright !== undefined) file.copyrightText = copyright;
  const comment = text(node.comment);
  if (comment !== undefined) file.comment = comment;
  const position = ctx.positionOf(path);
  if (position) file.position = position;
  return file;
}

export function convertSnippet(ctx: ConvertContext, node: Record<string, unknown>, spdxId: string, fromFile: string, path: string): Snippet {
  const ranges: SnippetRange[] = [];
  for (const [key, kind] of [
    ['software_byteRange', 'byte'],
    ['software_lineRange', 'line'],
  ] as const) {
    const r = node[key] as Record<string, unknown> | undefined;
    const start = Number(r?.beginIntegerRange);
    const end = Number(r?.endIntegerRange);
    if (Number.isInteger(start) && Number.isInteger(end)) ranges.push({ kind, start, end });
  }
  const snippet: Snippet = {
    elementType: 'snippet',
    spdxId,
    fromFile,
    ranges,
    licenseInfoInSnippets: EMPTY_LIST,
    annotations: EMPTY_LIST,
    attributionTexts: EMPTY_LIST,
    properties: commonProperties(node),
  };
  const name = text(node.name);
  if (name !== undefined) snippet.name = name;
  const position = ctx.positionOf(path);
  if (position) snippet.position = position;
  return snippet;
}
