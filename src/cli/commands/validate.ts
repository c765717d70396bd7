// `kube-sbom validate FILE [--json]`: apply the SPDX 2.x spec strictly; exit 1 when the document has errors.
import type { Command } from 'commander';
import { runAction } from '../run-action.js';
import { addSharedOptions } from '../shared-options.js';
import type { ValidateOptions } from '../validate-run.js';

export function registerValidate(program: Command): void {
  const cmd = program
    .command('validate')
    .description(
      'check a document against its spec: SPDX 2.2/2.3 strictly (required fields, SPDXIDs, relationship targets, checksums, license expressions, version-specific fields); CycloneDX and SPDX 3 by the structure their specs define',
    )
    .argument('<file>', 'the SBOM: SPDX 2 (tag-value, JSON, YAML, XML, RDF/XML), SPDX 3 JSON-LD or CycloneDX (JSON, XML); or an http(s) URL')
    .option('--strict-warnings', 'fail (exit 1) on warnings too')
    .option('--spdx-version <version>', 'judge the document by this version (e.g. SPDX-2.3) instead of the one it declares')
    .option('--max-size <size>', 'refuse larger files (e.g. 100MB, 1GiB)', '512MiB');
  addSharedOptions(cmd, { inputFormat: true, output: { formats: ['text', 'json'], default: 'text' } })
    .addHelpText(
      'after',
      `
JSON: {valid, format, spdxVersion, diagnostics}.
Each problem is one line: FILE:LINE:COLUMN: severity CODE message (at field.path), then a summary line.
Exit codes: 0 valid (warnings allowed unless --strict-warnings); 1 invalid; 2 usage; 3 cannot read the file.

Examples:
  kube-sbom validate kubernetes-v1.25.4-release.spdx
  kube-sbom validate sbom.spdx.json --json | jq '.diagnostics[] | select(.severity == "error")'
  kube-sbom validate sbom.spdx --strict-warnings        # CI gate: no warnings either
  kube-sbom validate old.spdx.json --spdx-version SPDX-2.3`,
    )
    .action((file: string, options: ValidateOptions) => runAction(async () => (await import('../validate-run.js')).runValidate(file, options)));
}
