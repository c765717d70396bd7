// `kube-sbom verify-release [VERSION]`: the release SBOM verified once, then every selected binary and archive it lists.
import { Option, type Command } from 'commander';
import { addReleaseOptions, RELEASE_HELP_FOOTER } from '../release-options.js';
import { runAction } from '../run-action.js';
import { addSharedOptions } from '../shared-options.js';
import type { VerifyReleaseCliOptions } from '../verify-release-run.js';

export function registerVerifyRelease(program: Command): void {
  const cmd = program
    .command('verify-release')
    .summary('verify the release SBOM, then every binary and archive it lists that you select')
    .description(
      'Verify the release SBOM (SHA-256, SHA-512, signature), then download each selected file it lists ' +
        '(bin/OS/ARCH/NAME, kubernetes-*.tar.gz) with .sha256, .sha512, .sig and .cert and check both digests, the ' +
        'signature, signer identity, issuer and Rekor entry, and that the SBOM lists it with the same digests. ' +
        "Default: the binaries of this machine's OS and architecture. One row per file, with the reason it failed.",
    )
    .argument('[version]', 'v1.29.0, v1.30.0-rc.1, stable, latest, stable-1.29 or latest-1.29', 'stable')
    .option('--os <os>', "binaries and archives for this OS: linux, darwin or windows (default: this machine's unless --all)")
    .option('--arch <arch>', "... for this architecture: amd64, arm64, arm, 386, ppc64le or s390x (default: this machine's unless --all)")
    .option('--name <glob>', 'only files whose name matches (`*` wildcards): kubectl, kube-*, kubernetes-server-*')
    .addOption(new Option('--only <kind>', 'only binaries or only archives (default: binaries)').choices(['binaries', 'archives']))
    .option('--all', 'every binary and archive the SBOM lists, for every OS and architecture (--os, --arch, --name still narrow)')
    .option('--concurrency <n>', 'files downloaded and checked at once (1-16)', '4')
    .option('--sbom-rekor-entry <file>', "the release SBOM signature's Rekor entry (REST JSON)");
  addSharedOptions(addReleaseOptions(cmd), {}).addHelpText(
    'after',
    `
Examples:
  kube-sbom verify-release                                  this machine's binaries from the stable release
  kube-sbom verify-release v1.29.0 --os linux --arch arm64 --name 'kube*'
  kube-sbom verify-release v1.29.0 --only archives --all --json
${RELEASE_HELP_FOOTER}`,
  );
  cmd.action((version: string, opts: VerifyReleaseCliOptions) =>
    runAction(async () => (await import('../verify-release-run.js')).runVerifyRelease(version, opts)),
  );
}
