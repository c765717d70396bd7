// `kube-sbom verify-blob FILE ...`: cosign verify-blob, in-process, with one reported line per check.
import type { Command } from 'commander';
import { runAction } from '../run-action.js';
import type { VerifyBlobCliOptions } from '../verify-blob-run.js';
import { addSharedOptions } from '../shared-options.js';

export function registerVerifyBlob(program: Command): void {
  const cmd = program
    .command('verify-blob')
    .summary('verify a Sigstore signature over a file, like cosign verify-blob (offline with a saved Rekor entry)')
    .description(
      'Verify a keyless (Fulcio certificate) or key-based Sigstore signature over FILE, reporting each check on ' +
        'its own: artifact digest, certificate chain at the signed time, SCT, transparency-log entry, signature, ' +
        'identity, issuer.',
    )
    .argument('<file>', 'the signed file (for image signatures: the simple-signing payload)')
    .option('--signature <file>', 'detached signature (.sig: base64)')
    .option('--certificate <file>', 'signing certificate (.cert: base64 of a PEM, or a PEM)')
    .option('--bundle <file>', 'Sigstore bundle (v0.1 to v0.3) instead of --signature/--certificate')
    .option('--key <file>', 'PEM public key for key-based signatures (with --signature or --bundle)')
    .option('--certificate-identity <identity>', 'exact signer identity (email or URI) in the certificate')
    .option('--certificate-identity-regexp <regexp>', 'signer identity as a regular expression (anchored: must match all of it)')
    .option('--certificate-oidc-issuer <url>', 'exact OIDC issuer in the certificate')
    .option('--certificate-oidc-issuer-regexp <regexp>', 'OIDC issuer as a regular expression (anchored)')
    .option('--rekor-entry <file>', 'saved Rekor entry (REST API JSON, or cosign bundle annotation) instead of asking Rekor')
    .option('--rekor-url <url>', 'Rekor to search when no entry is given', 'https://rekor.sigstore.dev')
    .option('--rekor-timeout <seconds>', 'give up on Rekor after this long', '15')
    .option('--timeout <duration>', 'online: give up on each Rekor or TUF request after this long (e.g. 15s); overrides --rekor-timeout')
    .option('--save-rekor-entry <file>', 'after a successful verification, save the Rekor entry used (for --rekor-entry later)')
    .option('--trusted-root <file>', 'trusted_root.json to use instead of the public-good root')
    // The file is held in memory whole; 2 GiB is above the largest release artifact (server tarballs, ~500 MB).
    .option('--max-size <size>', 'refuse a larger FILE (e.g. 4GiB)', '2GiB')
    .option('--cache-dir <dir>', 'where the TUF metadata cache lives (default ~/.cache/kube-sbom)')
    .option('--offline', 'never use the network: shipped trusted root, and the Rekor entry must be given');
  addSharedOptions(cmd, {})
    .addHelpText(
      'after',
      `
Prints "Verified OK" on stdout when every check passes, and the per-check report on stderr (or, with --json, the
report as one JSON document on stdout). Identity and issuer are compared exactly unless you use the -regexp
forms, which must match the whole value. Without a Rekor entry there is no signed time, so a keyless
certificate cannot be checked: online the entry is looked up by the file's SHA-256; offline give --rekor-entry.
The trusted root is --trusted-root, else refreshed through TUF when online, else the public-good root shipped
with kube-sbom.

Exit codes: 0 verified; 1 a check failed (or the signature material is malformed); 2 usage (e.g. no identity);
3 could not run (file missing, Rekor unreachable or failing).

Examples:
  # the release SBOM, as the Kubernetes docs do with cosign (online: finds the Rekor entry)
  kube-sbom verify-blob release.spdx --signature release.spdx.sig --certificate release.spdx.cert \\
    --certificate-identity krel-staging@k8s-releng-prod.iam.gserviceaccount.com \\
    --certificate-oidc-issuer https://accounts.google.com --save-rekor-entry release.rekor.json
  # later, with no network
  kube-sbom verify-blob release.spdx --signature release.spdx.sig --certificate release.spdx.cert \\
    --certificate-identity krel-staging@k8s-releng-prod.iam.gserviceaccount.com \\
    --certificate-oidc-issuer https://accounts.google.com --rekor-entry release.rekor.json --offline
  # a Sigstore bundle, identity by pattern, report for a CI pipeline
  kube-sbom verify-blob artifact.tgz --bundle artifact.sigstore.json --json \\
    --certificate-identity-regexp 'https://github\\.com/my-org/.+' \\
    --certificate-oidc-issuer https://token.actions.githubusercontent.com`,
    )
    .action((file: string, options: VerifyBlobCliOptions) => runAction(async () => (await import('../verify-blob-run.js')).runVerifyBlob(file, options)));
}
