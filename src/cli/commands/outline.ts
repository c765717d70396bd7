// `kube-sbom outline FILE [--depth N] [--json]`: the relationship tree from SPDXRef-DOCUMENT, same on every run.
import type { Command } from 'commander';
import type { OutlineOptions } from '../outline-run.js';
import { runAction } from '../run-action.js';
import { addSharedOptions } from '../shared-options.js';

export function registerOutline(program: Command): void {
  const cmd = program
    .command('outline')
    .description('print the relationship tree of a document (SPDX 2, SPDX 3 or CycloneDX) from its root down, in a deterministic order')
    .argument('<file>', 'the SBOM: SPDX 2 (tag-value, JSON, YAML, XML, RDF/XML), SPDX 3 JSON-LD or CycloneDX (JSON, XML); or an http(s) URL')
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
    .action((file: string, options: OutlineOptions) => runAction(async () => (await import('../outline-run.js')).runOutline(file, options)));
}
