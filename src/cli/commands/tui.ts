// `kube-sbom [tui] [VERSION|FILE|URL]`: the interactive UI (also what runs with no command at all).
import { Option, type Command } from 'commander';
import type { UiLauncher } from '../../app/ui-launch.js';
import { addReleaseOptions, sbomBundleOption } from '../release-options.js';
import { runAction } from '../run-action.js';
import { addSharedOptions } from '../shared-options.js';
import { DEFAULT_IMAGE_CONCURRENCY } from '../../verify/defaults.js';
import type { TuiCliOptions } from '../tui-run.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerTui(program: Command, launchUi: UiLauncher): void {
  const cmd = program
    .command('tui', { isDefault: true })
    .summary('interactive UI: verify a release, explore its SBOM, verify and export images (the default)')
    .description(
      'Open the interactive terminal UI. With a VERSION it downloads and verifies that release first (SHA-256,\n' +
        'SHA-512, signature) and shows the checklist live; with a FILE or URL it opens that document (not verified);\n' +
        'with nothing it offers versions to pick. Needs a terminal: in scripts use the other commands.',
    )
    .argument('[source...]', 'a release version (v1.29.0, stable, latest-1.29), an SPDX file, or an https/http/file URL to one')
    .option('--samples', 'open the offline demo in samples/ (a made-up release under a demo trust root; no network)')
    .option('--rekor-entry <file>', 'a saved Rekor entry for the release SBOM signature')
    .addOption(sbomBundleOption('rekorEntry'))
    .option('--oci-layout <dir>', 'verify images from an OCI image layout folder instead of the registry')
    .option(
      '--registry-mirror <from=to>',
      'ask another registry host (and path prefix) for images of FROM, e.g. registry.k8s.io=mirror.example/k8s (repeatable)',
      collect,
    )
    .option('--bundles-from <dir>', 'read image signatures carried as bundles (written by verify-images --bundle-dir); never writes')
    .option('--allow-http-registry', 'allow plain HTTP to registries that are not on this machine')
    .option('--image-identity <id>', 'expected signer of the images (certificate SAN), exact', 'krel-trust@k8s-releng-prod.iam.gserviceaccount.com')
    .option(
      '--export-dir <dir>',
      'where Export writes its files (relative: from the directory you ran it in, also under npm start; the Export screen can change it)',
      '.',
    )
    .option('--max-size <size>', 'refuse larger documents (e.g. 100MB, 1GiB)', '512MiB')
    .addOption(new Option('--concurrency <n>', 'images verified at once').default(String(DEFAULT_IMAGE_CONCURRENCY)));
  addSharedOptions(addReleaseOptions(cmd), { json: false, quiet: false }).addHelpText(
    'after',
    `
Keys: ? shows every key; q quits; ctrl-c always quits. 1 Release, 2 Explorer, 3 Images, 4 Export, l Licenses, t Tree (relationships), D Diff (against a second file or release).
Without a terminal (stdin and stdout must both be one) it exits 2 and names the commands to use instead.

Examples:
  kube-sbom                                        pick a release to verify
  kube-sbom v1.29.0                                verify v1.29.0, then explore it
  kube-sbom v1.29.0 --offline --sbom-url file:///srv/sbom --sbom-bundle /srv/sbom/v1.29.0/release.sigstore.json
                                                   the same, from a copy carried across an air gap
  kube-sbom tui kubernetes-v1.25.4-release.spdx    explore a local document
  npm start                                        the offline demo (kube-sbom tui --samples)`,
  );
  // Variadic so that a mistyped command (`kube-sbom inspectt x`) gets a message about the command, not about tui.
  cmd.action((sources: string[], opts: TuiCliOptions) =>
    runAction(async () => {
      const { startTui } = await import('../tui-run.js');
      return startTui(sources, opts, launchUi);
    }),
  );
}
