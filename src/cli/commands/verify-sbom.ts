// `kube-sbom verify-sbom [VERSION]`: download the release SBOM with .sha256 .sha512 .sig .cert and check all of it.
import type { Command } from 'commander';
import { addReleaseOptions, RELEASE_HELP_FOOTER, sbomBundleOption } from '../release-options.js';
import { runAction } from '../run-action.js';
import { addSharedOptions } from '../shared-options.js';
import type { VerifySbomCliOptions } from '../verify-sbom-run.js';

export function registerVerifySbom(program: Command): void {
  const cmd = program
    .command('verify-sbom')
    .summary('download the release SBOM and check SHA-256, SHA-512 and its Sigstore signature')
    .description(
      'Download the Kubernetes release SBOM with release.sha256, release.sha512, release.sig, release.cert and its ' +
        'Rekor entry; check both digests (constant-time) and the signature (signer krel-staging@..., issuer ' +
        'https://accounts.google.com by default), then parse and summarise the document. Replaces the documented ' +
        'curl + sha256sum + sha512sum + cosign verify-blob steps with one command that cannot be half-run.',
    )
    .argument('[version]', 'v1.29.0, v1.30.0-rc.1, stable, latest, stable-1.29 or latest-1.29', 'stable')
    .option('--rekor-entry <file>', "the SBOM signature's Rekor entry (REST JSON), as an earlier -o run saves it; lets --offline work without a cached entry")
    // Named --sbom-bundle, not --bundle, on purpose: the same flag for the same file in every command that checks the release SBOM.
    .addOption(sbomBundleOption('rekorEntry'))
    .option(
      '-o, --output-dir <dir>',
      'keep the verified files and release.sigstore.json (a standard Sigstore bundle) here (written only after every check passed; the whole set or nothing)',
    );
  addSharedOptions(addReleaseOptions(cmd), {}).addHelpText(
    'after',
    `
Examples:
  kube-sbom verify-sbom                          verify the latest stable release's SBOM
  kube-sbom verify-sbom v1.29.0 -o sbom/         keep release, .sha256, .sha512, .sig, .cert, .rekor.json
  kube-sbom verify-sbom stable-1.29 --json | jq .checks
  kube-sbom verify-sbom v1.29.0 --offline --sbom-url file:///srv/mirror/sbom --rekor-entry sbom/release.rekor.json
  kube-sbom verify-sbom v1.29.0 --offline --sbom-url file:///srv/mirror/sbom --sbom-bundle sbom/release.sigstore.json
                                                 the bundle an earlier -o run wrote, no Rekor lookup; the flag is
                                                 --sbom-bundle here as in verify-images, images, verify-release,
                                                 verify-files and verify-binary, so one command line carries over
${RELEASE_HELP_FOOTER}`,
  );
  cmd.action((version: string, opts: VerifySbomCliOptions) => runAction(async () => (await import('../verify-sbom-run.js')).runVerifySbom(version, opts)));
}
