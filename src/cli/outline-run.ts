// `kube-sbom outline` at run time: the relationship tree of a document, as text or JSON.
import type { SbomFormat } from '../../parsers/model.js';
import { usageError } from '../common/errors.js';
import { DocumentIndex } from '../sbom/document-index.js';
import { buildOutline } from '../sbom/outline.js';
import { outlineJsonChunks } from '../sbom/outline-json.js';
import { renderOutlineText } from '../sbom/outline-text.js';
import { RelationshipGraph } from '../sbom/relationship-graph.js';
import { writeSerializedChunks, writeText } from './output.js';
import { loadSbomFile } from './sbom-input.js';
import { wantsJson } from './shared-options.js';

export interface OutlineOptions {
  depth?: string;
  json?: boolean;
  format: 'text' | 'json';
  maxSize: string;
  inputFormat?: SbomFormat;
}

export function parseDepth(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,6}$/.test(text)) throw usageError('OPTION_INVALID', `--depth ${JSON.stringify(text)}: give a whole number (0 shows only the document)`);
  return Number(text);
}

export async function runOutline(file: string, options: OutlineOptions): Promise<number> {
  const depth = parseDepth(options.depth);
  const { result } = await loadSbomFile(file, { maxSize: options.maxSize, ...(options.inputFormat ? { format: options.inputFormat } : {}) });
  const index = new DocumentIndex(result.document);
  const tree = buildOutline(index, new RelationshipGraph(index), depth === undefined ? {} : { depth });
  if (wantsJson(options)) await writeSerializedChunks(outlineJsonChunks(tree));
  else writeText(renderOutlineText(tree));
  return 0;
}
