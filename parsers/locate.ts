// Line and column of a field path (`packages[3].checksums[0]`) in JSON, YAML or XML text, for callers that
// report problems found after parsing (validation). Tag-value and RDF/XML positions live on the model instead.
import { DiagnosticSink } from './diagnostics.js';
import type { Locator } from './json-like/context.js';
import { jsonLocator } from './json-like/json-locator.js';
import { isObject } from './json-like/values.js';
import type { SbomFormat } from './model.js';
import { readXmlTree, xmlLocator } from './xml.js';
import { checkXml } from './xml-safety.js';
import { readYaml, yamlLocator } from './yaml.js';

export type { Locator };

/** A locator for the text, or undefined when the format has none or the text does not parse. Never throws. */
export function sourceLocator(format: SbomFormat | undefined, text: string): Locator | undefined {
  try {
    switch (format) {
      case 'json':
        return jsonLocator(text);
      case 'yaml': {
        const { doc, lineCounter } = readYaml(text);
        return yamlLocator(doc, lineCounter);
      }
      case 'xml': {
        const runs = checkXml(text, new DiagnosticSink(), 'XML');
        if (!runs) return undefined;
        const tree = readXmlTree(runs);
        const roots = isObject(tree) ? Object.values(tree) : [];
        return roots.length === 1 ? xmlLocator(text, roots[0]) : undefined;
      }
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}
