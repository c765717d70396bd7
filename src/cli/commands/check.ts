// `kube-sbom check PATH... --policy FILE...`: evaluate sigstore policy-controller ClusterImagePolicies offline.
import { Option, type Command } from 'commander';
import { DEFAULT_DL_URL, DEFAULT_REKOR_URL, DEFAULT_SBOM_URL } from '../../k8s/identities.js';
import { DEFAULT_IMAGE_CONCURRENCY } from '../../verify/defaults.js';
import type { CheckCliOptions } from '../check-run.js';
import { addImageOptions } from '../image-options.js';
import { runAction } from '../run-action.js';
import { addSharedOptions } from '../shared-options.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerCheck(program: Command): void {
  const cmd = program
    .command('check')
    .summary('evaluate sigstore policy-controller ClusterImagePolicies against the images of manifests, before deploying')
    .description(
      'Evaluate ClusterImagePolicy documents (policy.sigstore.dev) against every image in Kubernetes manifests, as ' +
        "policy-controller's admission webhook would: every policy whose spec.images glob matches the image must be " +
        'satisfied, and one authority suffices to satisfy a policy. Authorities: keyless (identities with issuer/subject ' +
        'or issuerRegExp/subjectRegExp, url, trustRootRef to a TrustRoot among the policy files), key (key.data PEM), ' +
        'static (pass or fail); ctlog.url and signatureFormat (simplesigning or bundle) are honoured. Signatures are ' +
        'verified like `kube-sbom verify-image`. What cannot be evaluated here (a CUE or Rego spec.policy, attestations, ' +
        'spec.match, source.oci, key.secretRef or key.kms, a TUF TrustRoot) fails the authority or policy and says so.',
    )
    .argument('[paths...]', 'manifest files and folders (*.yaml, *.yml, *.json), and pod lists (kubectl get pods -A -o json), told apart by shape')
    .option('--policy <file>', 'ClusterImagePolicy and TrustRoot documents, YAML or JSON; a folder is walked (repeatable)', collect)
    .addOption(
      new Option('--no-match <action>', "an image no policy matches: allow, deny or warn (policy-controller's no-match-policy; its default is deny)")
        .choices(['allow', 'deny', 'warn'])
        .default('deny'),
    )
    .option('--pods <file>', 'audit what runs: a pod list as `kubectl get pods -A -o json` prints it (- reads stdin)')
    .option('--sbom <file>', 'with pods: the release SBOM, to tell release images by digest or by layers')
    .option('--release <version>', "with pods: download and verify this release's SBOM (like verify-sbom) and use it as --sbom")
    .option('--sbom-url <url>', 'with --release: release SBOM base URL or mirror (https, http, file)', DEFAULT_SBOM_URL)
    .option('--dl-url <url>', 'with --release: dl.k8s.io base URL or mirror', DEFAULT_DL_URL)
    .option('--rekor-url <url>', "with --release: Rekor instance to find the SBOM's transparency-log entry in", DEFAULT_REKOR_URL)
    .option('--concurrency <n>', 'images verified at once', String(DEFAULT_IMAGE_CONCURRENCY))
    .option('--max-size <size>', 'refuse manifest and policy files larger than this', '64MiB');
  addImageOptions(cmd);
  // Identities come from the policies: the verify-image identity options are refused at run time, and not shown.
  for (const option of cmd.options) if (option.long?.startsWith('--certificate-')) option.hideHelp();
  addSharedOptions(cmd, {}).addHelpText(
    'after',
    `
Glob semantics are policy-controller's: the image is matched in full form (registry/repository:tag, Docker Hub
as index.docker.io/library/..., the tag latest when none is written, @sha256:... for digests); * matches any
characters but /, ** any characters at all, and the glob must match the whole name (a tag needs * or :**).
An identity names a subject (or subjectRegExp) and/or an issuer (or issuerRegExp); a half it leaves out matches
anything, as in policy-controller. Regular expressions are anchored at both ends here (policy-controller does
not anchor them), so write the whole identity. A policy with an invalid glob, or without images or authorities,
is refused (exit 1), as policy-controller refuses it.
Without trustRootRef, signatures are checked under --trusted-root (default the Sigstore public-good root);
keyless.url and ctlog.url narrow that root to the Fulcio and Rekor with those URLs.

Cluster audit: a pod list (a file among the paths, or --pods) is judged by what runs, not by what the spec asks
for. From each container status' imageID (docker-pullable://name@sha256:..., name@sha256:..., or only the
runtime's sha256 image ID, which is matched against the config of the tag's manifests) comes the digest that
runs; signatures are verified at name@that-digest, under every policy whose glob matches it or the spec's
image (admission matched the spec's). Per container: pinned or not (the spec names a digest),
drift (the spec's tag now points at another digest than the one running), and with --sbom or --release whether
it is a release image (the SBOM lists its digest, or the registry's layers for it are the SBOM's layers). A
running digest, tag or release image that cannot be established fails the container.

Per image: PASS, WARN (only mode: warn policies failed, or --no-match warn) or FAIL, where it is used, and for
each matching policy the authority that passed or why each failed. --json prints one JSON document instead.

Exit codes: 0 every image admitted (warnings allowed); 1 an enforce policy or --no-match deny rejects an image,
an image field is not a reference, or a running container drifted or could not be established; 2 usage error (no --policy, no policy in the files); 3 could not run.

Examples:
  kube-sbom check deploy/ --policy cip.yaml
  kube-sbom policy v1.30.0 -o release-cip.yaml && kube-sbom check /etc/kubernetes/manifests --policy release-cip.yaml
  kube-sbom check app.yaml --policy policies/ --no-match warn --json
  kubectl get pods -A -o json | kube-sbom check --pods - --policy release-cip.yaml --release v1.30.0`,
  );
  cmd.action((paths: string[], opts: CheckCliOptions) => runAction(async () => (await import('../check-run.js')).runCheck(paths, opts)));
}
