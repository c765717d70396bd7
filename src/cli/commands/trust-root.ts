// `kube-sbom trust-root export FILE`: the Sigstore trusted root, written out for --trusted-root on the far side of
// an air gap.
import type { Command } from 'commander';
import { DEFAULT_TIMEOUT } from '../../verify/defaults.js';
import { runAction } from '../run-action.js';
import { addSharedOptions } from '../shared-options.js';
import type { TrustRootExportOptions } from '../trust-root-run.js';

export function registerTrustRoot(program: Command): void {
  const group = program
    .command('trust-root')
    .summary('export the Sigstore trusted root, for verifying on a machine without the network')
    .description('The Sigstore trusted root (Fulcio CAs, Rekor and CT log keys, timestamp authorities) that kube-sbom verifies with.');
  const cmd = group
    .command('export')
    .summary('write trusted_root.json: TUF-refreshed when online, else the shipped root')
    .description(
      'Write the trusted root verification would use here: refreshed through TUF from the public-good Sigstore ' +
        'repository when online, else the public-good root shipped with kube-sbom (a warning says so). Says which, ' +
        'and how recent the newest key or certificate in it is. Give the file to --trusted-root where there is no network.',
    )
    .argument('<file>', 'where to write trusted_root.json (atomically); - for stdout')
    .option('--offline', 'no TUF refresh: export the shipped public-good root')
    .option('--cache-dir <dir>', 'where the TUF metadata cache lives (default $XDG_CACHE_HOME/kube-sbom)')
    .option('--timeout <duration>', 'give up on the TUF refresh after this long (e.g. 30s)', DEFAULT_TIMEOUT);
  addSharedOptions(cmd, {})
    .addHelpText(
      'after',
      `
Exit codes: 0 written; 2 usage; 3 could not write the file (or the root read is not usable).

Examples:
  kube-sbom trust-root export trusted_root.json                 on a machine with the network
  kube-sbom verify-images v1.29.0 --trusted-root trusted_root.json --oci-layout images/ --offline   on the far side`,
    )
    .action((file: string, options: TrustRootExportOptions) => runAction(async () => (await import('../trust-root-run.js')).runTrustRootExport(file, options)));
}
