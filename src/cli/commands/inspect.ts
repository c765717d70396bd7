// `kube-sbom inspect FILE [--json]`: parse any SPDX document and show format, version, counts and diagnostics.
import type { Command } from 'commander';
import type { InspectOptions } from '../inspect-run.js';
import { runAction } from '../run-action.js';
import { addSharedOptions } from '../shared-options.js';

export function registerInspect(program: Command): void {
  const cmd = program
    .command('inspect')
    .description(
      'parse any SPDX 2.2/2.3 (tag-value, JSON, YAML, XML, RDF/XML), SPDX 3.0 JSON-LD or CycloneDX 1.4-1.6 (JSON, XML) document: format, version, counts, diagnostics',
    )
    .argument('<file>', 'the SBOM, or an http(s) URL to download it from (not verified: verify-sbom verifies the release SBOM)')
    .option('--max-size <size>', 'refuse larger files (e.g. 100MB, 1GiB)', '512MiB');
  addSharedOptions(cmd, { inputFormat: true, output: { formats: ['text', 'json'], default: 'text' } })
    .addHelpText(
      'after',
      `
Exit codes: 0 parsed (warnings allowed); 1 the document has errors; 2 usage; 3 cannot read the file.

Examples:
  kube-sbom inspect kubernetes-v1.25.4-release.spdx
  kube-sbom inspect sbom.spdx.json --json | jq .counts
  kube-sbom inspect huge.spdx --max-size 2GiB`,
    )
    .action((file: string, options: InspectOptions) => runAction(async () => (await import('../inspect-run.js')).runInspect(file, options)));
}
