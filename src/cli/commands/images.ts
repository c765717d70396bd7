// `kube-sbom images [VERSION|FILE]`: the container images of a release SBOM (or any image SBOM), read by structure.
import { Option, type Command } from 'commander';
import type { ImagesCliOptions } from '../images-run.js';
import { addReleaseOptions, sbomBundleOption } from '../release-options.js';
import { runAction } from '../run-action.js';
import { addSharedOptions } from '../shared-options.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerImages(program: Command): void {
  const cmd = program
    .command('images')
    .summary('list the container images of a release SBOM (txt, json, csv, yaml), pinned by digest on request')
    .description(
      'List the images a Kubernetes release SBOM (or an image SBOM) describes. Images are found by structure: ' +
        'image archives that CONTAIN layer packages (both SBOM generations), pkg:oci packages (indexes and ' +
        'per-platform manifests), digest-named packages, CycloneDX container components. The tag comes from the release version, not from guessing ' +
        'at SPDXIDs, so it works where the documented grep | cut | sed pipeline breaks.',
    )
    .argument('[source]', 'an SBOM file or URL, or a release version (v1.29.0, stable, latest-1.29) to download and verify first', 'stable')
    .option('--arch <arch>', 'only images for this architecture (amd64, arm64, ...)')
    .option('--name <glob>', 'only images whose name matches (* wildcard), e.g. "kube-*"')
    .option('-o, --output <file>', 'write here instead of stdout (a file is replaced atomically; a FIFO, device or /dev/fd/N is written into)')
    .option('--pin', 'print registry/repo@sha256:... resolving tags through the registry (the document digest where it has one)')
    .option(
      '--multi-arch',
      "fold the per-architecture images (kube-apiserver-amd64:v1.25.4, ...) into the multi-arch reference clusters pull (kube-apiserver:v1.25.4), listing the architectures it folds; with --pin the index digest, proven to hold the SBOM's layers for every listed platform",
    )
    .option('--keep-tag', 'with --pin: registry/repo:tag@sha256:...')
    .option('--diff <other>', 'compare with another release SBOM (FILE or VERSION): added, removed, changed images')
    .option(
      '--registry-mirror <from=to>',
      'with --pin: ask another registry host (and path prefix), e.g. registry.k8s.io=127.0.0.1:5000 or registry.k8s.io=mirror.example/k8s (repeatable)',
      collect,
    )
    .option('--rekor-entry <file>', "the release SBOM signature's saved Rekor entry: no Rekor lookup for a VERSION, e.g. with --offline")
    .addOption(sbomBundleOption('rekorEntry'))
    .option('--diff-rekor-entry <file>', "with --diff VERSION: the other release SBOM signature's saved Rekor entry (--rekor-entry is the first release's)")
    .addOption(
      new Option(
        '--diff-sbom-bundle <file>',
        "with --diff VERSION: the other release SBOM signature's Sigstore bundle (--sbom-bundle is the first release's)",
      ).conflicts('diffRekorEntry'),
    )
    .option('--oci-layout <dir>', 'with --pin: resolve tags in an OCI image layout folder instead of a registry (no network)')
    .option('--max-size <size>', 'refuse larger files (e.g. 100MB, 1GiB)', '512MiB');
  addSharedOptions(cmd, { inputFormat: true, output: { formats: ['txt', 'json', 'csv', 'yaml', 'md'], default: 'txt' } });
  addReleaseOptions(cmd).addHelpText(
    'after',
    `
A source that names an existing file is read as a file; otherwise it is a release version, whose SBOM is
downloaded and must pass SHA-256, SHA-512 and signature checks before it is used.
txt prints one reference per line, sorted (the documented images.txt); when the document carries a digest
(image SBOMs with pkg:oci purls) the line is digest-pinned. md is a Markdown report.

Exit codes: 0 listed; 1 the SBOM failed verification or could not be read, or --pin found no such image;
2 usage; 3 could not run (file system, network, registry).

Examples:
  kube-sbom images kubernetes-v1.25.4-release.spdx                 registry.k8s.io/kube-apiserver-amd64:v1.25.4 ...
  kube-sbom images v1.29.0 --arch amd64 --name 'kube-*' -o images.txt
  kube-sbom images release.spdx --pin --keep-tag                   registry.k8s.io/kube-proxy-arm64:v1.25.4@sha256:...
  kube-sbom images release.spdx --pin --registry-mirror registry.k8s.io=mirror.example/k8s    digests from the mirror
  kube-sbom images release.spdx --format csv > images.csv
  kube-sbom images release.spdx --multi-arch --pin                 registry.k8s.io/kube-apiserver@sha256:<index> ...
      (fails, exit 1, when a platform the SBOM lists is missing from the index or serves other layers)
  kube-sbom images kubernetes-v1.23.1-release.spdx --diff kubernetes-v1.25.4-release.spdx
  kube-sbom images v1.29.0 --diff v1.30.0 --offline --sbom-bundle v1.29.0.sigstore.json --diff-sbom-bundle v1.30.0.sigstore.json`,
  );
  cmd.action((source: string, opts: ImagesCliOptions) =>
    runAction(async () => {
      const { runImages } = await import('../images-run.js');
      return runImages(source, opts);
    }),
  );
}
