// `kube-sbom outline FILE [--depth N] [--json]`: the relationship tree from SPDXRef-DOCUMENT, same on every run.
import type { Command } from 'commander';
import type { SbomFormat } from '../../../parsers/model.js';
import { usageError } from '../../common/errors.js';
import { runAction } from '../run-action.js';
import { addSharedOptions, wantsJson } from '../shared-options.js';

interface OutlineOptions {
  depth?: string;
  json?: boolean;
  format: 'text' | 'json';
  maxSize: string;
  inputFormat?: SbomFormat;
}

export function registerOutline(program: Command): void {
  const cmd = program
    .command('outline')
    .description('print the relationship tree of an SPDX document from SPDXRef-DOCUMENT down, in a deterministic order')
    .argument('<file>', 'the SPDX document (tag-value, JSON, YAML, XML or RDF/XML)')
    .option('--depth <n>', 'stop this many relationships below the document')
    .option('--max-size <size>', 'refuse larger files (e.g. 100MB, 1GiB)', '512MiB');
  addSharedOptions(cmd, { inputFormat: true, output: { formats: ['text', 'json'], default: 'text' } })
    .addHelpText(
      'after',
      `
Children are sorted by relationship type, then name, then SPDXID, so the same document prints the same tree in
any format. Each element is expanded once; later appearances say [repeat: expanded above] (cycles are safe).
DESCRIBED_BY and CONTAINED_BY written towards an element are shown as DESCRIBES / CONTAINS from it.

Exit codes: 0 printed; 1 no document could be read; 2 usage; 3 cannot read the file.

Examples:
  kube-sbom outline kubernetes-v1.25.4-release.spdx --depth 1
  kube-sbom outline sbom.spdx.json --json | jq '.root.children | length'`,
    )
    .action((file: string, options: OutlineOptions) => runAction(() => outline(file, options)));
}

export function parseDepth(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,6}$/.test(text)) throw usageError('OPTION_INVALID', `--depth ${JSON.stringify(text)}: give a whole number (0 shows only the document)`);
  return Number(text);
}

async function outline(file: string, options: OutlineOptions): Promise<number> {
  const depth = parseDepth(options.depth);
  const { loadSbomFile } = await import('../sbom-input.js');
  const { DocumentIndex } = await import('../../sbom/document-index.js');
  const { RelationshipGraph } = await import('../../sbom/relationship-graph.js');
  const { buildOutline } = await import('../../sbom/outline.js');
  const { renderOutlineJson, renderOutlineText } = await import('../../sbom/outline-text.js');
  const { result } = await loadSbomFile(file, { maxSize: options.maxSize, ...(options.inputFormat ? { format: options.inputFormat } : {}) });
  const index = new DocumentIndex(result.document);
  const tree = buildOutline(index, new RelationshipGraph(index), depth === undefined ? {} : { depth });
  const { writeSerialized, writeText } = await import('../output.js');
  if (wantsJson(options)) writeSerialized(renderOutlineJson(tree));
  else writeText(renderOutlineText(tree));
  return 0;
}
