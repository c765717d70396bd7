// `kube-sbom verify-files PATH...`: local files (a node's /usr/local/bin, an extracted tarball) found in the release SBOM.
import { Option, type Command } from 'commander';
import { addReleaseOptions, sbomBundleOption } from '../release-options.js';
import { runAction } from '../run-action.js';
import { addSharedOptions } from '../shared-options.js';
import type { VerifyFilesCliOptions } from '../verify-files-run.js';

export function registerVerifyFiles(program: Command): void {
  const cmd = program
    .command('verify-files')
    .summary('find local files in the verified release SBOM by SHA-512: matched, modified or unknown to the release')
    .description(
      'Hash local files and folders (SHA-256 and SHA-512, streamed) and look each up among the file elements of a ' +
        'release SBOM (bin/linux/amd64/kubectl, kubernetes-server-linux-amd64.tar.gz ...). matched: the SBOM lists ' +
        'these bytes (it names which file); modified: the name of a release file with bytes the SBOM does not list; ' +
        'unknown: neither the bytes nor the name are in the release. By default the SBOM of the stable release is ' +
        'downloaded and verified first (SHA-256, SHA-512, signature); --sbom FILE uses a local SBOM as given.',
    )
    .argument('<paths...>', 'files and folders; folders are walked, symbolic links inside them are not followed (listed as skipped)')
    .option('--release <version>', 'the release whose SBOM is downloaded and verified: v1.29.0, stable, latest-1.29 ... (default: stable)')
    .option('--sbom <file>', 'a local SBOM file instead of a download: trusted as given, nothing about it is verified')
    .option('--strict', 'also fail (exit 1) when a file is unknown to the release or was skipped')
    .option('--signature', 'also check each matched file against the .sig/.cert the release publishes for it (with its Rekor entry)')
    .option('--concurrency <n>', 'files hashed at once', '4')
    .option('--max-files <n>', 'refuse to walk more files than this', '10000')
    .option('--max-file-size <size>', 'skip larger files without hashing them (e.g. 512MiB, 4GiB)', '2GiB')
    .option('--sbom-rekor-entry <file>', "the release SBOM signature's Rekor entry (REST JSON), for offline use")
    .addOption(sbomBundleOption('sbomRekorEntry'))
    .addOption(new Option('--max-size <size>', 'refuse larger SBOM files').default('512MiB'));
  addSharedOptions(addReleaseOptions(cmd), { inputFormat: true }).addHelpText(
    'after',
    `
Unknown files are reported but do not fail the run: a node's /usr/local/bin holds other software too.
Give --strict to fail on them (and on skipped entries: links, devices, files over --max-file-size).

--signature fetches bin/OS/ARCH/NAME.sig and .cert (or the tarball's) of the matched release file from --dl-url,
finds the Rekor entry by the local file's SHA-256 and verifies like cosign verify-blob, signer as for the SBOM; a
signature that cannot be fetched or checked fails that file. It needs --release (a local --sbom names no release).

Exit codes: 0 no file is modified (unknown and skipped ones allowed without --strict); 1 a file is modified or
its signature failed, the release SBOM did not verify, or it lists no files; 2 usage error; 3 could not run (a
missing path, an unreadable file or folder, the network).

Examples:
  kube-sbom verify-files /usr/local/bin --release v1.30.2
  kube-sbom verify-files kubernetes/server/bin --release v1.30.2 --strict --signature
  kube-sbom verify-files ./kubectl --sbom kubernetes-v1.30.2-release.spdx --json`,
  );
  cmd.action((paths: string[], opts: VerifyFilesCliOptions) => runAction(async () => (await import('../verify-files-run.js')).runVerifyFiles(paths, opts)));
}
