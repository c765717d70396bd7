// `kube-sbom verify-release [VERSION]`: the release SBOM verified once, then every selected binary, archive and image it lists.
import { Option, type Command } from 'commander';
import { IMAGE_SIGNER_IDENTITY, RELEASE_SIGNER_ISSUER } from '../../k8s/identities.js';
import { addReleaseOptions, RELEASE_HELP_FOOTER, sbomBundleOption } from '../release-options.js';
import { runAction } from '../run-action.js';
import { addSharedOptions } from '../shared-options.js';
import type { VerifyReleaseCliOptions } from '../verify-release-run.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerVerifyRelease(program: Command): void {
  const cmd = program
    .command('verify-release')
    .summary('verify the release SBOM, then every binary, archive and image it lists that you select')
    .description(
      'Verify the release SBOM (SHA-256, SHA-512, signature), then download each selected file it lists ' +
        '(bin/OS/ARCH/NAME, kubernetes-*.tar.gz) with .sha256, .sha512, .sig and .cert and check both digests, the ' +
        'signature, signer identity, issuer and Rekor entry, and that the SBOM lists it with the same digests; and ' +
        'verify each selected image it lists like verify-images. ' +
        'A file is checked as it downloads (both digests and its signature in the same pass), so none is held in memory. ' +
        "Default: the binaries of this machine's OS and architecture, and every image. One row per artifact, with the reason it failed.",
    )
    .argument('[version]', 'v1.29.0, v1.30.0-rc.1, stable, latest, stable-1.29 or latest-1.29', 'stable')
    .option('--os <os>', "binaries and archives for this OS: linux, darwin or windows (default: this machine's unless --all)")
    .option(
      '--arch <arch>',
      "... for this architecture: amd64, arm64, arm, 386, ppc64le or s390x (default: this machine's unless --all); also narrows the images",
    )
    .option('--name <glob>', 'only files whose name matches (`*` wildcards): kubectl, kube-*, kubernetes-server-*')
    .addOption(
      new Option('--only <kind>', 'only binaries, only archives or only images (default: binaries and images)').choices(['binaries', 'archives', 'images']),
    )
    .option('--all', 'every binary, archive and image the SBOM lists, for every OS and architecture (--os, --arch, --name still narrow)')
    .option('--concurrency <n>', 'files downloaded at once (as many again wait for their signature check meanwhile), then images checked at once (1-16)', '4')
    .option('--sbom-rekor-entry <file>', "the release SBOM signature's Rekor entry (REST JSON)")
    .option(
      '-o, --output-dir <dir>',
      'keep each file that passed every check here under its release path (DIR/bin/linux/amd64/kubectl), with its .sha256, .sha512, .sig, .cert, ' +
        'Rekor entry and NAME.sigstore.json (a standard Sigstore bundle); each file is a complete set or absent, failed files never land',
    )
    .addOption(sbomBundleOption('sbomRekorEntry'))
    // The --certificate-* options name the release files' signer; images have their own (verify-images' defaults).
    .option('--image-identity <id>', `expected image signer (certificate SAN), exact (default ${IMAGE_SIGNER_IDENTITY})`)
    .option('--image-identity-regexp <re>', 'expected image signer as a regular expression, anchored at both ends')
    .option('--image-issuer <url>', `expected OIDC issuer of the image signer, exact (default ${RELEASE_SIGNER_ISSUER})`)
    .option('--image-issuer-regexp <re>', 'expected image OIDC issuer as a regular expression, anchored at both ends')
    .option('--oci-layout <dir>', 'read images and signatures from an OCI image layout folder instead of a registry')
    .option('--registry-mirror <from=to>', 'ask another registry host for images of FROM, e.g. registry.k8s.io=127.0.0.1:5000 (repeatable)', collect)
    .option('--allow-http-registry', 'allow plain HTTP to registries that are not on this machine (loopback always may)')
    .option('--bundles-from <dir>', 'read image signatures carried as bundles (written by verify-images --bundle-dir); never writes')
    .option('--no-check-sbom-layers', "don't compare each image's registry layers with the layers the SBOM lists");
  addSharedOptions(addReleaseOptions(cmd), { output: { formats: ['txt', 'json', 'md', 'csv', 'junit'], default: 'txt' } }).addHelpText(
    'after',
    `
Where the release publishes provenance.json (dl: release/VERSION/provenance.json, from v1.23), each selected file it
lists must have the SBOM's digests there too (check "provenance"); a release without it is reported, not failed.

Exit codes: 0 every selected artifact verified; 1 the SBOM or an artifact failed a check, including a file or its
.sha256/.sha512/.sig/.cert that the server answers 404 for ("not published"); 2 usage error; 3 nothing failed but an
artifact could not be checked (a server or registry that cannot be reached, a download cut off every attempt).

Examples:
  kube-sbom verify-release                                  this machine's binaries from the stable release
  kube-sbom verify-release v1.29.0 --os linux --arch arm64 --name 'kube*'
  kube-sbom verify-release v1.29.0 --only archives --all --json
  kube-sbom verify-release v1.29.0 --all --format junit > release-results.xml   CI shows one test per artifact
  kube-sbom verify-release v1.29.0 --only images --arch arm64 --registry-mirror registry.k8s.io=127.0.0.1:5000
  kube-sbom verify-release v1.29.0 --only images --sbom-url file:///carried/sbom --sbom-bundle release.sigstore.json \\
      --trusted-root trusted_root.json --registry-mirror registry.k8s.io=mirror.example/k8s --bundles-from carried/
${RELEASE_HELP_FOOTER}`,
  );
  cmd.action((version: string, opts: VerifyReleaseCliOptions) =>
    runAction(async () => (await import('../verify-release-run.js')).runVerifyRelease(version, opts)),
  );
}
