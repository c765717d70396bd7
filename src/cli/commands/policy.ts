// `kube-sbom policy [VERSION|FILE] --format cip|kyverno`: an admission policy for a release's images.
import { Option, type Command } from 'commander';
import { DEFAULT_REKOR_URL, IMAGE_SIGNER_IDENTITY, RELEASE_SIGNER_ISSUER } from '../../k8s/identities.js';
import { DEFAULT_FULCIO_URL } from '../../k8s/release-policy.js';
import type { PolicyCliOptions } from '../policy-run.js';
import { addReleaseOptions } from '../release-options.js';
import { runAction } from '../run-action.js';
import { addSharedOptions } from '../shared-options.js';

export function registerPolicy(program: Command): void {
  const cmd = program
    .command('policy')
    .summary("write a ClusterImagePolicy (sigstore policy-controller) or Kyverno ClusterPolicy for a release's images")
    .description(
      'Write an admission policy that admits the images of a Kubernetes release only when they carry a signature by the ' +
        `release's image signer (${IMAGE_SIGNER_IDENTITY}, issuer ${RELEASE_SIGNER_ISSUER}) logged in Rekor. ` +
        'The images come from the release SBOM; each repository becomes one pattern, the per-architecture names folded ' +
        'into the multi-arch one (registry.k8s.io/kube-apiserver* covers kube-apiserver-amd64:v1.30.0 and ' +
        'kube-apiserver@sha256:...). cip: a policy.sigstore.dev/v1beta1 ClusterImagePolicy with a keyless authority ' +
        '(Fulcio url, identity, ctlog url). kyverno: a kyverno.io/v1 ClusterPolicy with a verifyImages rule for Pods ' +
        '(keyless attestor: subject, issuer, Rekor url; digests verified and mutated in).',
    )
    .argument('[source]', 'an SBOM file or URL, or a release version (v1.30.0, stable, latest-1.30) to download and verify first', 'stable')
    .addOption(new Option('--format <format>', 'which policy to write').choices(['cip', 'kyverno']).default('cip'))
    .option('-o, --output <file>', 'write here (atomically) instead of stdout')
    .option('--name <name>', "the policy's metadata.name (default kubernetes-<version>)")
    .addOption(
      new Option('--mode <mode>', 'enforce rejects unsigned images; warn (Kyverno: Audit) only reports them').choices(['enforce', 'warn']).default('enforce'),
    )
    .option('--image-identity <id>', "the images' signer written into the policy (certificate SAN)", IMAGE_SIGNER_IDENTITY)
    .option('--image-issuer <url>', 'the OIDC issuer written into the policy', RELEASE_SIGNER_ISSUER)
    .option('--fulcio-url <url>', 'the Fulcio instance written into a cip policy (keyless.url)', DEFAULT_FULCIO_URL)
    .option('--ctlog-url <url>', "the Rekor instance written into the policy (cip ctlog.url, Kyverno's rekor.url)", DEFAULT_REKOR_URL)
    .option('--max-size <size>', 'refuse larger SBOM files (e.g. 100MB, 1GiB)', '512MiB');
  addSharedOptions(cmd, { inputFormat: true });
  addReleaseOptions(cmd).addHelpText(
    'after',
    `
The policy is YAML with a comment saying where it came from; --json writes the same object as JSON.
--sbom-url, --rekor-url, --trusted-root and the --certificate-* options are about downloading and verifying the
release SBOM (its signer, its log entry), not about the images; --image-*, --fulcio-url and --ctlog-url are
what the policy says.
\`kube-sbom check MANIFESTS --policy FILE\` evaluates the written cip policy offline before you apply it.

Exit codes: 0 written; 1 the SBOM failed verification or lists no images; 2 usage; 3 could not run.

Examples:
  kube-sbom policy v1.30.0 -o kubernetes-v1.30.0-cip.yaml && kubectl apply -f kubernetes-v1.30.0-cip.yaml
  kube-sbom policy v1.30.0 --format kyverno --mode warn
  kube-sbom policy kubernetes-release.spdx --fulcio-url https://fulcio.internal --ctlog-url https://rekor.internal`,
  );
  cmd.action((source: string, opts: PolicyCliOptions) => runAction(async () => (await import('../policy-run.js')).runPolicy(source, opts)));
}
