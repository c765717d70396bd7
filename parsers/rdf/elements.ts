// SPDX RDF Package, File and Snippet nodes to the model.
import { normaliseChecksumAlgorithm, parseActorText, looseEnumMatch } from '../field-values.js';
import { EXTERNAL_REF_CATEGORIES, FILE_TYPES, PURPOSES } from '../json-like/fields.js';
import {
  NOASSERTION,
  type Actor,
  type Checksum,
  type ExternalPackageRef,
  type Package,
  type Snippet,
  type SnippetRange,
  type SpdxFile,
  type SpdxOrNoAssertion,
} from '../model.js';
import type { RdfNode } from './graph.js';
import { licensesOf, optionalLicense } from './licenses.js';
import { DOAP, PTR, RDFS, SPDX, childNode, enumFromUri, spdxText, text, texts, values, type RdfReader } from './terms.js';

const S = (name: string) => SPDX + name;

/** The element's SPDX id from its URI; a blank node has none, which is an error (the id is the element's identity). */
export function elementId(reader: RdfReader, node: RdfNode, what: string, path: string): string {
  if (node.blank) {
    reader.error('MISSING_SPDXID', `${what} <${node.tag ?? '?'}> has no rdf:about, so no SPDX id`, node, `${path}.SPDXID`);
    return '';
  }
  return reader.idOf(node.key);
}

export function checksumsOf(reader: RdfReader, node: RdfNode): Checksum[] {
  const out: Checksum[] = [];
  for (const v of values(node, S('checksum'))) {
    if (!v.node) continue;
    const algorithm = text(v.node, S('algorithm'));
    const value = text(v.node, S('checksumValue'));
    if (algorithm === undefined || value === undefined) {
      reader.error('MISSING_REQUIRED_FIELD', 'checksum needs both spdx:algorithm and spdx:checksumValue', v.node);
      continue;
    }
    const name = algorithm.includes('#') ? enumFromUri(algorithm) : algorithm;
    out.push({ algorithm: normaliseChecksumAlgorithm(name, () => undefined), value: value.trim().toLowerCase() });
  }
  return out;
}

function actorOf(reader: RdfReader, node: RdfNode, predicate: string): SpdxOrNoAssertion<Actor> | undefined {
  const written = text(node, predicate);
  if (written === undefined) return undefined;
  if (written.trim() === 'NOASSERTION' || written === `${SPDX}noassertion`) return NOASSERTION;
  return parseActorText(written, (code, message) => reader.warn(code, message, node));
}

function enumOf(reader: RdfReader, uri: string | undefined, allowed: ReadonlySet<string>, what: string, node: RdfNode): string | undefined {
  if (uri === undefined) return undefined;
  const word = uri.includes('#') ? enumFromUri(uri) : uri;
  const match = looseEnumMatch(word, allowed);
  if (!match) reader.warn('ENUM_UNKNOWN', `unknown ${what} ${JSON.stringify(uri)}; kept as written`, node);
  return match ?? word;
}

function common(reader: RdfReader, node: RdfNode) {
  return {
    comment: text(node, RDFS + 'comment'),
    attributionTexts: texts(node, S('attributionText')),
    annotations: [],
    ...(node.offset !== undefined ? { position: reader.where(node) as { line: number; column?: number } } : {}),
  };
}

export function packageOf(reader: RdfReader, node: RdfNode, path: string): Package {
  const pkg: Package = {
    elementType: 'package',
    spdxId: elementId(reader, node, 'package', path),
    name: text(node, S('name')) ?? '',
    ...common(reader, node),
    version: text(node, S('versionInfo')),
    fileName: text(node, S('packageFileName')),
    supplier: actorOf(reader, node, S('supplier')),
    originator: actorOf(reader, node, S('originator')),
    downloadLocation: spdxText(node, S('downloadLocation')),
    checksums: checksumsOf(reader, node),
    homepage: spdxText(node, DOAP + 'homepage'),
    sourceInfo: text(node, S('sourceInfo')),
    licenseConcluded: optionalLicense(reader, node, S('licenseConcluded')),
    licenseInfoFromFiles: licensesOf(reader, node, S('licenseInfoFromFiles')),
    licenseDeclared: optionalLicense(reader, node, S('licenseDeclared')),
    licenseComments: text(node, S('licenseComments')),
    copyrightText: spdxText(node, S('copyrightText')),
    summary: text(node, S('summary')),
    description: text(node, S('description')),
    externalRefs: externalRefsOf(reader, node),
    primaryPackagePurpose: enumOf(reader, text(node, S('primaryPackagePurpose')), PURPOSES, 'primary package purpose', node),
    releaseDate: text(node, S('releaseDate')),
    builtDate: text(node, S('builtDate')),
    validUntilDate: text(node, S('validUntilDate')),
  };
  if (!pkg.name) reader.warn('MISSING_REQUIRED_FIELD', `package ${pkg.spdxId} has no spdx:name`, node);
  const analyzed = text(node, S('filesAnalyzed'));
  if (analyzed !== undefined) pkg.filesAnalyzed = analyzed.trim().toLowerCase() === 'true';
  const code = childNode(node, S('packageVerificationCode'));
  if (code) {
    pkg.verificationCode = {
      value: (text(code, S('packageVerificationCodeValue')) ?? '').trim().toLowerCase(),
      excludedFiles: texts(code, S('packageVerificationCodeExcludedFile')),
    };
  }
  return pkg;
}

function externalRefsOf(reader: RdfReader, node: RdfNode): ExternalPackageRef[] {
  const out: ExternalPackageRef[] = [];
  for (const v of values(node, S('externalRef'))) {
    if (!v.node) continue;
    const category = enumOf(reader, text(v.node, S('referenceCategory')), EXTERNAL_REF_CATEGORIES, 'external reference category', v.node);
    const typeUri = text(v.node, S('referenceType'));
    const locator = text(v.node, S('referenceLocator'));
    if (category === undefined || typeUri === undefined || locator === undefined) {
      reader.error('MISSING_REQUIRED_FIELD', 'external reference needs referenceCategory, referenceType and referenceLocator; ignored', v.node);
      continue;
    }
    // Listed types are URIs in the SPDX references namespace; other types are kept as the full URI.
    const type = typeUri.startsWith('http://spdx.org/rdf/references/') ? typeUri.slice('http://spdx.org/rdf/references/'.length) : typeUri;
    const ref: ExternalPackageRef = { category, type, locator };
    const comment = text(v.node, RDFS + 'comment');
    if (comment !== undefined) ref.comment = comment;
    out.push(ref);
  }
  return out;
}

export function fileOf(reader: RdfReader, node: RdfNode, path: string): SpdxFile {
  const file: SpdxFile = {
    elementType: 'file',
    spdxId: elementId(reader, node, 'file', path),
    name: text(node, S('fileName')) ?? '',
    ...common(reader, node),
    fileTypes: texts(node, S('fileType')).map((t) => enumOf(reader, t, FILE_TYPES, 'file type', node)!),
    checksums: checksumsOf(reader, node),
    licenseConcluded: optionalLicense(reader, node, S('licenseConcluded')),
    licenseInfoInFiles: licensesOf(reader, node, S('licenseInfoInFile')),
    licenseComments: text(node, S('licenseComments')),
    copyrightText: spdxText(node, S('copyrightText')),
    notice: text(node, S('noticeText')),
    contributors: texts(node, S('fileContributor')),
  };
  const dependencies = values(node, S('fileDependency'));
  if (dependencies.length > 0) file.dependencies = dependencies.map((d) => (d.node ? reader.idOf(d.node.key) : d.literal));
  if (!file.name) reader.warn('MISSING_REQUIRED_FIELD', `file ${file.spdxId} has no spdx:fileName`, node);
  return file;
}

export function snippetOf(reader: RdfReader, node: RdfNode, path: string): Snippet {
  const spdxId = elementId(reader, node, 'snippet', path);
  const from = childNode(node, S('snippetFromFile'));
  const fromFile = from && !from.blank ? reader.idOf(from.key) : '';
  if (!from) reader.warn('MISSING_REQUIRED_FIELD', 'snippet has no spdx:snippetFromFile', node, `${path}.snippetFromFile`);
  return {
    elementType: 'snippet',
    spdxId,
    fromFile,
    ranges: rangesOf(reader, node, fromFile),
    name: text(node, S('name')),
    ...common(reader, node),
    licenseConcluded: optionalLicense(reader, node, S('licenseConcluded')),
    licenseInfoInSnippets: licensesOf(reader, node, S('licenseInfoInSnippet')),
    licenseComments: text(node, S('licenseComments')),
    copyrightText: spdxText(node, S('copyrightText')),
  };
}

function rangesOf(reader: RdfReader, node: RdfNode, fromFile: string): SnippetRange[] {
  const out: SnippetRange[] = [];
  for (const v of values(node, S('range'))) {
    if (!v.node) continue;
    const start = pointerOf(childNode(v.node, PTR + 'startPointer'));
    const end = pointerOf(childNode(v.node, PTR + 'endPointer'));
    if (!start || !end || start.kind !== end.kind) {
      reader.error('SNIPPET_RANGE_MISMATCH', 'snippet range needs a start and an end pointer of the same kind', v.node);
      continue;
    }
    const range: SnippetRange = { kind: start.kind, start: start.at, end: end.at };
    const reference = start.reference ?? end.reference;
    if (reference !== undefined && reader.idOf(reference) !== fromFile) range.fileSpdxId = reader.idOf(reference);
    out.push(range);
  }
  return out;
}

function pointerOf(node: RdfNode | undefined): { kind: 'byte' | 'line'; at: number; reference?: string } | undefined {
  if (!node) return undefined;
  const reference = childNode(node, PTR + 'reference')?.key;
  const offset = text(node, PTR + 'offset');
  if (offset !== undefined && /^\s*\d+\s*$/.test(offset)) return { kind: 'byte', at: Number(offset), reference };
  const line = text(node, PTR + 'lineNumber');
  if (line !== undefined && /^\s*\d+\s*$/.test(line)) return { kind: 'line', at: Number(line), reference };
  return undefined;
}
