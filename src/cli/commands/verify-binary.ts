// `kube-sbom verify-binary NAME`: a release binary checked like cosign verify-blob AND found in the verified SBOM.
import type { Command } from 'commander';
import { addReleaseOptions, RELEASE_HELP_FOOTER, sbomBundleOption } from '../release-options.js';
import { runAction } from '../run-action.js';
import { addSharedOptions } from '../shared-options.js';
import type { VerifyBinaryCliOptions } from '../verify-binary-run.js';

export function registerVerifyBinary(program: Command): void {
  // The contract gives verify-binary a `--version V` option: program options (-V/--version) must then stop at the
  // subcommand name, or commander prints the tool's version instead.
  program.enablePositionalOptions();
  const cmd = program
    .command('verify-binary')
    .summary('download a release binary, check its digests and signature, and find it in the verified release SBOM')
    .description(
      'Download bin/OS/ARCH/NAME from dl.k8s.io with .sha256, .sha512, .sig and .cert; check the digests and the ' +
        'signature like cosign verify-blob; verify the release SBOM the same way; and require the SBOM to list ' +
        'bin/OS/ARCH/NAME with the same SHA-256/SHA-512. A correctly signed binary the SBOM does not describe fails.',
    )
    .argument('<name>', 'binary name: kubectl, kubelet, kubeadm, kube-apiserver ... (.exe is added for windows)')
    .option('--version <version>', 'v1.29.0, stable, latest-1.29 ...', 'stable')
    .option('--os <os>', 'linux, darwin or windows (default: this machine)')
    .option('--arch <arch>', 'amd64, arm64, arm, 386, ppc64le or s390x (default: this machine)')
    .option('--file <path>', 'check this local file instead of downloading the binary (against the published digests, signature and SBOM entry)')
    .option('--rekor-entry <file>', "the binary signature's Rekor entry (REST JSON)")
    .option('--sbom-rekor-entry <file>', "the release SBOM signature's Rekor entry (REST JSON)")
    .addOption(sbomBundleOption('sbomRekorEntry'))
    .option(
      '-o, --output-dir <dir>',
      'keep the verified binary, its signature files and NAME.sigstore.json (a standard Sigstore bundle) here (only after every check passed; the whole set or nothing)',
    );
  addSharedOptions(addReleaseOptions(cmd), {}).addHelpText(
    'after',
    `
Examples:
  kube-sbom verify-binary kubectl                               this machine's kubectl from the stable release
  kube-sbom verify-binary kubelet --version v1.29.0 --os linux --arch arm64 -o bin/
  kube-sbom verify-binary kubeadm --version latest-1.30 --json
  kube-sbom verify-binary kubelet --version v1.30.2 --file /usr/local/bin/kubelet   a node's copy, not downloaded
${RELEASE_HELP_FOOTER}`,
  );
  cmd.action((name: string, opts: VerifyBinaryCliOptions) => runAction(async () => (await import('../verify-binary-run.js')).runVerifyBinary(name, opts)));
}
