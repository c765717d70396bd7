// CycloneDX XML 1.4-1.6: fast-xml-parser with the SPDX XML reader's safety (DTD entities refused, no expansion,
// text lifted for size), then shaped in place into the JSON layout (attributes as fields, list wrappers as
// arrays) so the one CycloneDX converter reads both, and positions still come from the element start offsets.
import { XMLParser } from 'fast-xml-parser';
import type { DiagnosticSink } from '../diagnostics.js';
import { ConvertContext } from '../json-like/context.js';
import { isObject, type Obj } from '../json-like/values.js';
import { emptyDocument, type SpdxDocument } from '../model.js';
import { checkXml, safeXmlOptions } from '../xml-safety.js';
import { CDATA, foldCdata, xmlLocator } from '../xml.js';
import { convertCycloneDx } from './convert.js';

const NAMESPACE = /xmlns(?::[\w-]+)?\s*=\s*["']http:\/\/cyclonedx\.org\/schema\/bom\/(\d+\.\d+)["']/;
const ATTRIBUTE = '@_';

export function parseCycloneDxXml(text: string, sink: DiagnosticSink): SpdxDocument {
  const runs = checkXml(text, sink, 'XML');
  if (!runs) return emptyDocument();
  let parsed: unknown;
  try {
    const parser = new XMLParser({
      ...safeXmlOptions(runs),
      ignoreAttributes: false,
      attributeNamePrefix: ATTRIBUTE,
      removeNSPrefix: true,
      captureMetaData: true,
      cdataPropName: CDATA,
    });
    parsed = foldCdata(parser.parse(runs.forParser.text), runs.forParser);
  } catch (err) {
    sink.error('XML_SYNTAX', `malformed XML: ${(err as Error).message}`);
    return emptyDocument();
  }
  const bom = isObject(parsed) ? parsed.bom : undefined;
  if (!isObject(bom)) {
    sink.error('XML_NO_DOCUMENT', 'expected one root element <bom> in the CycloneDX namespace');
    return emptyDocument();
  }
  shape(bom);
  bom.bomFormat = 'CycloneDX';
  const version = NAMESPACE.exec(text.slice(0, 65536))?.[1];
  if (version !== undefined) bom.specVersion = version;
  return convertCycloneDx(new ConvertContext(sink, 'XML', xmlLocator(text, bom), true, true), bom);
}

/**
 * Turns one element (and, recursively, its children) into the JSON layout, in place so start offsets stay. A
 * repeated element is an array and a lone one an object; `children` makes both a list where the layout has one.
 */
function shape(node: Obj): void {
  for (const key of Object.keys(node)) {
    if (key.startsWith(ATTRIBUTE)) {
      const name = key.slice(ATTRIBUTE.length);
      if (!name.startsWith('xmlns') && !(name in node)) node[name] = node[key];
      delete node[key];
    }
  }
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (isObject(value)) shape(value);
    else if (Array.isArray(value)) for (const item of value) if (isObject(item)) shape(item);
  }
  unwrap(node, 'components', 'component');
  unwrap(node, 'services', 'service');
  unwrap(node, 'authors', 'author');
  unwrap(node, 'endpoints', 'endpoint');
  unwrap(node, 'lifecycles', 'lifecycle');
  unwrap(node, 'externalReferences', 'reference');
  unwrap(node, 'ancestors', 'component');
  unwrap(node, 'descendants', 'component');
  unwrap(node, 'variants', 'component');
  unwrap(node, 'commits', 'commit');
  unwrap(node, 'patches', 'patch');
  // Items are changed in place, not copied, so they keep the start offsets diagnostics are located by.
  if ('hashes' in node) node.hashes = children(node.hashes, 'hash').map((h) => (isObject(h) ? moveText(h, 'content') : h));
  if ('properties' in node) node.properties = children(node.properties, 'property').map((p) => (isObject(p) ? moveText(p, 'value') : p));
  if ('licenses' in node) {
    const wrapper = node.licenses;
    const licences = children(wrapper, 'license').map((license) => ({ license }));
    const expressions = children(wrapper, 'expression').map((e) =>
      isObject(e) ? { expression: e['#text'], acknowledgement: e.acknowledgement } : { expression: e },
    );
    node.licenses = [...licences, ...expressions];
  }
  if ('dependencies' in node) {
    node.dependencies = children(node.dependencies, 'dependency').map((d) => {
      if (!isObject(d)) return d;
      d.dependsOn = refsOf(d.dependency);
      delete d.dependency;
      if (d.provides !== undefined) d.provides = refsOf(d.provides);
      return d;
    });
  }
  if ('tools' in node) {
    const tools = node.tools;
    // 1.4: <tool> items; 1.5+: <components> and <services> (already unwrapped into arrays above).
    node.tools = isObject(tools) && !('tool' in tools) ? tools : children(tools, 'tool');
  }
}

/** `<hash alg="x">text</hash>` -> `{alg: 'x', content: 'text'}`, the same object. */
function moveText(item: Obj, key: string): Obj {
  item[key] = item['#text'] ?? '';
  delete item['#text'];
  return item;
}

function unwrap(node: Obj, wrapper: string, item: string): void {
  if (wrapper in node) node[wrapper] = children(node[wrapper], item);
}

function children(wrapper: unknown, item: string): unknown[] {
  if (!isObject(wrapper)) return [];
  const list = wrapper[item];
  return Array.isArray(list) ? list : list === undefined ? [] : [list];
}

function refsOf(value: unknown): unknown[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((d) => (isObject(d) ? d.ref : d));
}
