// `kube-sbom pin PATH...`: rewrite the images of Kubernetes manifests to the digests their signatures verify for.
import { Option, type Command } from 'commander';
import { IMAGE_SIGNER_IDENTITY } from '../../k8s/identities.js';
import { DEFAULT_IMAGE_CONCURRENCY } from '../../verify/defaults.js';
import { addCarriedBundlesOption, addImageOptions } from '../image-options.js';
import { runAction } from '../run-action.js';
import { addSharedOptions } from '../shared-options.js';
import type { PinCliOptions } from '../pin-run.js';

export function registerPin(program: Command): void {
  const cmd = program
    .command('pin')
    .summary('pin the images of Kubernetes manifests to name@sha256:... digests whose signatures verify')
    .description(
      'Find the image of every container, init container and ephemeral container in Kubernetes manifests (Pod, ' +
        'Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate, List; ' +
        'YAML with many documents, or JSON; static Pod manifests as kubeadm writes them), verify each distinct ' +
        'image like `kube-sbom verify-image`, and rewrite the verified ones to name@sha256:... with the digest the ' +
        'signature was verified for. An image that is already pinned is verified at its digest, not trusted. Only ' +
        'the image values change: comments, key order, quoting and indentation stay byte for byte. Default policy: ' +
        `the Kubernetes image signer ${IMAGE_SIGNER_IDENTITY}, issuer https://accounts.google.com, for every image.`,
    )
    .argument('<paths...>', 'manifest files, and folders walked for *.yaml, *.yml and *.json (symbolic links inside them are not followed)')
    .addOption(new Option('--write', 'replace the files in place (atomically) instead of printing a diff').conflicts('check'))
    .option('--check', 'change nothing; exit 1 if any image is not pinned to a verified digest (a CI gate)')
    .option('--concurrency <n>', 'images verified at once', String(DEFAULT_IMAGE_CONCURRENCY))
    .option('--max-size <size>', 'refuse manifest files larger than this', '64MiB');
  addSharedOptions(addCarriedBundlesOption(addImageOptions(cmd)), {}).addHelpText(
    'after',
    `
By default stdout is a unified diff of the changes (\`patch -p1\` applies it in the folder pin ran in; --write
does the same); images that were not pinned are listed on stderr with the reason. --json prints one JSON document
with every image instead.

With no network (a private mirror, or an OCI layout carried across an air gap), give where the images are, the
trusted root, and the signatures carried as bundles; nothing else is asked (no TUF, no Rekor, no registry.k8s.io):
  kube-sbom pin deploy/ --registry-mirror registry.k8s.io=mirror.example/k8s \\
      --trusted-root trusted_root.json --bundles-from carried/
(trusted_root.json from kube-sbom trust-root export, carried/ from kube-sbom verify-images --bundle-dir, both on the
connected side.)

Exit codes: 0 every image verified (with --check: and already pinned to that digest); 1 an image failed
verification or is not an image reference, or, with --check, an image is not pinned; 2 usage error; 3 could not
run (a missing file, a registry that could not be reached).

Examples:
  kube-sbom pin /etc/kubernetes/manifests                         the diff kubeadm's static Pods would get
  kube-sbom pin deploy/ --write
  kube-sbom pin deploy/ --check                                   fails the CI job on a tag or an unsigned image
  kube-sbom pin app.yaml --certificate-identity-regexp 'https://github.com/org/.*' \\
      --certificate-oidc-issuer https://token.actions.githubusercontent.com`,
  );
  cmd.action((paths: string[], opts: PinCliOptions) => runAction(async () => (await import('../pin-run.js')).runPin(paths, opts)));
}
