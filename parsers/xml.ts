// SPDX 2.x XML: fast-xml-parser (entity expansion off) shaped into the JSON field layout, then the shared converter.
// Shaping: list fields always become arrays (one <packages> element is still a list), every scalar stays text.
import { XMLParser } from 'fast-xml-parser';
import type { DiagnosticSink } from './diagnostics.js';
import { ConvertContext, pathSegments, type Locator } from './json-like/context.js';
import { convertDocument } from './json-like/document.js';
import { lineIndex } from './json-like/json-locator.js';
import { isObject } from './json-like/values.js';
import { emptyDocument, type SpdxDocument } from './model.js';
import { checkXml, safeXmlOptions } from './xml-safety.js';
import type { LiftedText, XmlTextRuns } from './xml-text-runs.js';

/** Element names that are lists in the SPDX JSON schema (the XML schema mirrors it, one element per item). */
const LIST_FIELDS = new Set([
  'creators',
  'externalDocumentRefs',
  'hasExtractedLicensingInfos',
  'seeAlsos',
  'crossRefs',
  'annotations',
  'documentDescribes',
  'packages',
  'files',
  'snippets',
  'relationships',
  'checksums',
  'externalRefs',
  'licenseInfoFromFiles',
  'hasFiles',
  'attributionTexts',
  'packageVerificationCodeExcludedFiles',
  'fileTypes',
  'fileContributors',
  'licenseInfoInFiles',
  'ranges',
  'licenseInfoInSnippets',
  'fileDependencies',
  'artifactOfs',
  'revieweds',
]);

const META = XMLParser.getMetaDataSymbol();

export function parseXmlDocument(text: string, sink: DiagnosticSink): SpdxDocument {
  const runs = checkXml(text, sink, 'XML');
  if (!runs) return emptyDocument();
  let parsed: unknown;
  try {
    parsed = readXmlTree(runs);
  } catch (err) {
    sink.error('XML_SYNTAX', `malformed XML: ${(err as Error).message}`);
    return emptyDocument();
  }
  const roots = isObject(parsed) ? Object.keys(parsed) : [];
  if (roots.length !== 1 || !isObject((parsed as Record<string, unknown>)[roots[0]!])) {
    sink.error('XML_NO_DOCUMENT', 'expected one root element (<Document>) holding the SPDX fields');
    return emptyDocument();
  }
  const rootName = roots[0]!;
  const root = (parsed as Record<string, unknown>)[rootName];
  if (rootName !== 'Document' && rootName !== 'SpdxDocument') {
    sink.warning('XML_ROOT_NAME', `root element is <${rootName}>, expected <Document>; read anyway`);
  }
  return convertDocument(new ConvertContext(sink, 'XML', xmlLocator(text, root), true, true), root);
}

/** The element tree in the JSON field layout; throws on malformed XML (callers check first with checkXml). */
export function readXmlTree(runs: XmlTextRuns): unknown {
  const parser = new XMLParser({
    ...safeXmlOptions(runs),
    ignoreAttributes: true,
    captureMetaData: true,
    // CDATA is kept apart so its text is not entity-decoded, then folded back into plain text below.
    cdataPropName: CDATA,
    isArray: (name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute && LIST_FIELDS.has(name),
  });
  return foldCdata(parser.parse(runs.forParser.text), runs.forParser);
}

export const CDATA = '#cdata';

/**
 * `{'#cdata': 'x'}` (and `{'#text', '#cdata'}`) become the string they hold; everything else is walked, and its
 * start offset moved back to the original text.
 */
export function foldCdata(node: unknown, runs: LiftedText): unknown {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) node[i] = foldCdata(node[i], runs);
    return node;
  }
  if (!isObject(node)) return node;
  const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META as symbol];
  if (meta?.startIndex !== undefined) meta.startIndex = runs.originalOffset(meta.startIndex);
  if (CDATA in node && Object.keys(node).every((k) => k === CDATA || k === '#text')) {
    const cdata = node[CDATA];
    return `${typeof node['#text'] === 'string' ? node['#text'] : ''}${Array.isArray(cdata) ? cdata.join('') : String(cdata)}`;
  }
  for (const key of Object.keys(node)) node[key] = foldCdata(node[key], runs);
  return node;
}

/** Positions from the start offsets fast-xml-parser records on element objects (the deepest one along the path). */
export function xmlLocator(text: string, root: unknown): Locator {
  const toPosition = lineIndex(text);
  return (path) => {
    let node: unknown = root;
    let best: number | undefined = startOf(root);
    for (const segment of pathSegments(path)) {
      node = Array.isArray(node) || isObject(node) ? (node as Record<string | number, unknown>)[segment] : undefined;
      if (node === undefined) break;
      best = startOf(node) ?? best;
    }
    return best === undefined ? undefined : toPosition(best);
  };
}

function startOf(node: unknown): number | undefined {
  if (!isObject(node)) return undefined;
  const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META as symbol];
  return meta?.startIndex;
}
