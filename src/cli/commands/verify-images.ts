// `kube-sbom verify-images [VERSION|FILE]`: every image of a release, verified concurrently, in one command.
import { Option, type Command } from 'commander';
import { DEFAULT_DL_URL, DEFAULT_REKOR_URL, DEFAULT_SBOM_URL } from '../../k8s/identities.js';
import { addImageBundleOptions, addImageOptions, FAR_SIDE_HELP } from '../image-options.js';
import { sbomBundleOption } from '../release-options.js';
import type { VerifyImagesCliOptions } from '../verify-images-run.js';
import { runAction } from '../run-action.js';
import { addSharedOptions } from '../shared-options.js';
import { DEFAULT_IMAGE_CONCURRENCY } from '../../verify/defaults.js';

export function registerVerifyImages(program: Command): void {
  const cmd = program
    .command('verify-images')
    .summary("verify the signatures of every image a release SBOM lists, and that the registry's layers match it")
    .description(
      'Verify every container image of a Kubernetes release (or of any SBOM, or a list of references) the way ' +
        '`cosign verify` does, concurrently, in-process. A VERSION downloads the release SBOM and verifies it ' +
        "first. With --check-sbom-layers (on by default for SBOMs) the image config's rootfs.diff_ids served by " +
        'the registry must equal the layer packages the SBOM lists for the image: proof that the registry serves ' +
        'the image the SBOM describes.',
    )
    .argument('[source]', 'an SBOM file or URL, or a release version (v1.29.0, stable, latest-1.29)', 'stable')
    .option('--from <file>', 'verify the references listed in this file (one per line, # comments) instead of an SBOM')
    .option('--arch <arch>', 'only images for this architecture (amd64, arm64, ...)')
    .option('--name <glob>', 'only images whose name matches (* wildcard), e.g. "kube-*"')
    .option('--concurrency <n>', 'images verified at once', String(DEFAULT_IMAGE_CONCURRENCY))
    .option('--no-check-sbom-layers', "skip comparing the registry's layers with the SBOM's layer packages")
    .option('--sbom-url <url>', 'release SBOM base URL or mirror (https, http, file)', DEFAULT_SBOM_URL)
    .option('--dl-url <url>', 'dl.k8s.io base URL or mirror: version markers', DEFAULT_DL_URL)
    .option('--rekor-url <url>', 'Rekor instance for the release SBOM signature', DEFAULT_REKOR_URL)
    .option('--rekor-entry <file>', "the release SBOM signature's saved Rekor entry (verify-sbom -o keeps it): no Rekor lookup, e.g. offline")
    .addOption(sbomBundleOption('rekorEntry'))
    .option('--no-cache', 'neither read nor write the download cache')
    .option('--export-sbom <file>', 'also write the images with what this run found (status, signer, issuer, Rekor index) as an SBOM')
    .addOption(new Option('--export-format <format>', 'the --export-sbom format').choices(['cyclonedx-json', 'spdx-json']).default('cyclonedx-json'))
    .addOption(new Option('--max-size <size>', 'refuse larger SBOM files').default('512MiB'));
  addSharedOptions(addImageBundleOptions(addImageOptions(cmd)), {}).addHelpText(
    'after',
    `
On a terminal, each image's result appears on stderr as it finishes; stdout gets a summary table (or, with
--json, one JSON document with every check of every image).

Exit codes: 0 every image verified; 1 an image failed a check (or the release SBOM did not verify);
2 usage error; 3 images could not be checked (registry unreachable, access denied) and none failed.
--export-sbom FILE writes every image (CycloneDX container components with pkg:oci purls pinned to the verified
digest, or SPDX CONTAINER packages) with properties kube-sbom:verification:status (verified, failed, unchecked),
:code, :digest, :signer-identity, :signer-issuer, :rekor-log-index (SPDX: one annotation per image with the same
name=value lines); failed images are written too, with their status. Not with --from.
${FAR_SIDE_HELP}
A FILE is read as it is; a VERSION is verified first, and from a copy of its files it needs no network either:
  verify-sbom v1.30.0 -o carried/sbom/v1.30.0 on the connected side, then on the far side
  --sbom-url file:///path/carried/sbom --sbom-bundle carried/sbom/v1.30.0/release.sigstore.json
(or --rekor-entry carried/sbom/v1.30.0/release.rekor.json). The bundle must hold the very signature of the copy's
release.sig, over the copy's bytes, by the release signer: anything else fails (exit 1).

Examples:
  kube-sbom verify-images v1.30.0
  kube-sbom verify-images kubernetes-v1.25.4-release.spdx --arch amd64 --concurrency 16
  kube-sbom verify-images release.spdx --registry-mirror registry.k8s.io=127.0.0.1:5000
  kube-sbom verify-images release.spdx --registry-mirror registry.k8s.io=mirror.example/k8s \\
      --trusted-root trusted_root.json --bundles-from carried/
  kube-sbom verify-images v1.30.0 --arch amd64 --export-sbom images.cdx.json       for Dependency-Track
  kube-sbom verify-images --from images.txt --json | jq '.images[] | select(.verified | not) | .reference'`,
  );
  cmd.action((source: string, opts: VerifyImagesCliOptions) =>
    runAction(async () => {
      const { runVerifyImages } = await import('../verify-images-run.js');
      return runVerifyImages(source, opts);
    }),
  );
}
