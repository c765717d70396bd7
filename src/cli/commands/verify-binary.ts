// `kube-sbom verify-binary NAME`: a release binary checked like cosign verify-blob AND found in the verified SBOM.
import type { Command } from 'commander';
import { ExitCode } from '../../common/errors.js';
import { sanitizeLine } from '../../common/sanitize.js';
import { addReleaseOptions, RELEASE_HELP_FOOTER, type ReleaseCliOptions } from '../release-options.js';
import { runAction } from '../run-action.js';

interface VerifyBinaryCliOptions extends ReleaseCliOptions {
  version: string;
  os?: string;
  arch?: string;
  sbomRekorEntry?: string;
}

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
    .option('--rekor-entry <file>', "the binary signature's Rekor entry (REST JSON)")
    .option('--sbom-rekor-entry <file>', "the release SBOM signature's Rekor entry (REST JSON)")
    .option('-o, --output-dir <dir>', 'keep the verified binary and its signature files here (only after every check passed)');
  addReleaseOptions(cmd).addHelpText(
    'after',
    `
Examples:
  kube-sbom verify-binary kubectl                               this machine's kubectl from the stable release
  kube-sbom verify-binary kubelet --version v1.29.0 --os linux --arch arm64 -o bin/
  kube-sbom verify-binary kubeadm --version latest-1.30 --json
${RELEASE_HELP_FOOTER}`,
  );
  cmd.action((name: string, opts: VerifyBinaryCliOptions) =>
    runAction(async () => {
      const { hostTarget } = await import('../../k8s/release-urls.js');
      const { usageError } = await import('../../common/errors.js');
      const host = hostTarget();
      const os = opts.os ?? host.os;
      const arch = opts.arch ?? host.arch;
      if (!os || !arch) throw usageError('HOST_UNSUPPORTED', `Kubernetes publishes no binaries for ${process.platform}/${process.arch}: give --os and --arch`);
      const { releaseSourceOptions } = await import('../release-run.js');
      const { verifyBinary } = await import('../../verify/verify-binary.js');
      const { formatReleaseChecks, verdictLine } = await import('../release-report-text.js');
      const report = await verifyBinary({
        ...releaseSourceOptions(opts),
        version: opts.version,
        name,
        os,
        arch,
        rekorEntryFile: opts.rekorEntry,
        sbomRekorEntryFile: opts.sbomRekorEntry,
        outDir: opts.outputDir,
      });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        const lines = [
          `Kubernetes ${report.version} ${report.path}`,
          `  ${sanitizeLine(report.binary.url)}  ${report.binary.size} bytes`,
          `  SBOM ${sanitizeLine(report.sbomUrl)}`,
          ...formatReleaseChecks(report.checks),
          ...report.saved.map((p) => `  saved ${sanitizeLine(p)}`),
          verdictLine(report.verified, `${report.path} of ${report.version}`),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      }
      return report.verified ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }),
  );
}
