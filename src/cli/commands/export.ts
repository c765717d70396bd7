// `kube-sbom export [VERSION|FILE] --format cyclonedx-json|spdx-json`: a document, or its image inventory, for other tools.
import { Option, type Command } from 'commander';
import type { ExportCliOptions } from '../export-run.js';
import { addReleaseOptions } from '../release-options.js';
import { runAction } from '../run-action.js';
import { addSharedOptions } from '../shared-options.js';

export function registerExport(program: Command): void {
  const cmd = program
    .command('export')
    .summary('write a document (or its images) as CycloneDX 1.6 JSON or SPDX 2.3 JSON, for Dependency-Track and scanners')
    .description(
      'Write any SPDX 2.x document as CycloneDX 1.6 JSON or SPDX 2.3 JSON, or with --images its container images ' +
        '(CycloneDX `container` components with pkg:oci purls). What CycloneDX cannot express (snippets, some ' +
        'relationship types, SPDX-only fields) is listed on stderr, one line per kind with a count, and under ' +
        '"notExpressed" with --json; nothing is dropped silently. How this run verified the source is written into the ' +
        'output: CycloneDX metadata properties `kube-sbom:verification:*`, an SPDX document annotation with the same ' +
        'name=value lines.',
    )
    .argument('[source]', 'an SBOM file or URL, or a release version (v1.29.0, stable, latest-1.29) to download and verify first', 'stable')
    .addOption(new Option('--format <format>', 'what to write').choices(['cyclonedx-json', 'spdx-json']).makeOptionMandatory())
    .option('-o, --output <file>', 'write here instead of stdout (a file is replaced atomically; a FIFO, device or /dev/fd/N is written into)')
    .option('--images', 'write the container image inventory instead of the whole document')
    .option('--arch <arch>', 'with --images: only images for this architecture (amd64, arm64, ...)')
    .option('--name <glob>', 'with --images: only images whose name matches (* wildcard), e.g. "kube-*"')
    .option('--rekor-entry <file>', "the release SBOM signature's saved Rekor entry: no Rekor lookup for a VERSION, e.g. with --offline")
    .option('--max-size <size>', 'refuse larger files (e.g. 100MB, 1GiB)', '512MiB');
  addSharedOptions(cmd, { inputFormat: true });
  addReleaseOptions(cmd).addHelpText(
    'after',
    `
A source that names an existing file is read as a file (properties say kube-sbom:verification:status=not-verified);
otherwise it is a release version, whose SBOM must pass SHA-256, SHA-512 and signature checks first (properties
give the status, both digests, each check, the signer identity and issuer).
--json prints a report (what was written, counts, notExpressed) on stdout, so it needs -o for the SBOM itself.
Image signatures are verified by verify-images, which writes the same inventory with each image's verification
(kube-sbom:verification:status, signer identity, issuer, Rekor log index) by --export-sbom FILE.

CycloneDX mapping: packages and files become components (bom-ref = SPDXID; files as type file); checksums
become hashes; purl and cpe externalRefs the purl and cpe; concluded and declared licences become licenses (id,
name or expression); DEPENDS_ON, CONTAINS, DESCRIBES (and their inverses, links, prerequisites) become
dependsOn edges; annotations stay annotations; the document is metadata.component.

Exit codes: 0 written (notExpressed lines are warnings); 1 the release SBOM failed verification or the file could
not be parsed; 2 usage; 3 could not run (file system, network).

Examples:
  kube-sbom export kubernetes-v1.25.4-release.spdx --format cyclonedx-json -o k8s.cdx.json
  kube-sbom export v1.29.0 --format cyclonedx-json -o k8s.cdx.json --json | jq .notExpressed
  kube-sbom export sbom.spdx.yaml --format spdx-json > sbom.spdx.json
  kube-sbom export v1.29.0 --images --arch amd64 --format cyclonedx-json -o images.cdx.json`,
  );
  cmd.action((source: string, opts: ExportCliOptions) =>
    runAction(async () => {
      const { runExport } = await import('../export-run.js');
      return runExport(source, opts);
    }),
  );
}
