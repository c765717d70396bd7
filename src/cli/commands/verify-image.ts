// `kube-sbom verify-image REF...`: cosign verify, in-process, with every check reported and failing closed.
import { Option, type Command } from 'commander';
import { IMAGE_SIGNER_IDENTITY } from '../../k8s/identities.js';
import { addImageBundleOptions, addImageOptions, FAR_SIDE_HELP, type ImageCliOptions } from '../image-options.js';
import { runAction } from '../run-action.js';
import { addSharedOptions } from '../shared-options.js';

interface VerifyImageCliOptions extends ImageCliOptions {
  output: 'json' | 'text';
}

export function registerVerifyImage(program: Command): void {
  const cmd = program
    .command('verify-image')
    .summary('verify container image signatures like cosign verify (legacy .sig and Sigstore bundle referrers)')
    .description(
      'Verify the keyless Sigstore signatures of container images, the way `cosign verify` does, without cosign: ' +
        "finds cosign's legacy sha256-<hex>.sig signatures and Sigstore bundles attached as OCI referrers (API or " +
        'fallback tag), checks each against the trusted root, the signer identity and issuer, and that the signed ' +
        'payload names the image digest. A tag is resolved by hashing the manifest bytes received; a digest ' +
        'reference needs no manifest lookup. Defaults fit registry.k8s.io images: signer ' +
        `${IMAGE_SIGNER_IDENTITY}, issuer https://accounts.google.com.`,
    )
    .argument('<reference...>', 'image references: registry/repository:tag or registry/repository@sha256:...')
    .addOption(
      new Option('--output <format>', "stdout: json (cosign verify's payload array, one line per image) or text (digest-pinned references)")
        .choices(['json', 'text'])
        .default('json'),
    );
  addSharedOptions(addImageBundleOptions(addImageOptions(cmd)), {}).addHelpText(
    'after',
    `
stdout carries what \`cosign verify\` prints (or, with --output text, the digest-pinned reference of each
verified image); the per-check report goes to stderr. --json prints one JSON document with everything instead.

Exit codes: 0 every image verified; 1 an image failed a check (unsigned, wrong signer, signature for another
digest, altered manifest, ...); 2 usage error; 3 could not run (registry unreachable, access denied, no file).
${FAR_SIDE_HELP}

Examples:
  kube-sbom verify-image registry.k8s.io/kube-apiserver:v1.30.0
  kube-sbom verify-image registry.k8s.io/pause:3.9 --output text          prints registry.k8s.io/pause@sha256:...
  kube-sbom verify-image registry.k8s.io/kube-proxy:v1.30.0 | jq '.[].optional.Subject'
  kube-sbom verify-image ghcr.io/org/app:1.0 --certificate-identity-regexp 'https://github.com/org/.*' \\
      --certificate-oidc-issuer https://token.actions.githubusercontent.com
  kube-sbom verify-image 127.0.0.1:5000/team/app:v1 --trusted-root trusted_root.json --json
  kube-sbom verify-image registry.k8s.io/pause:3.9 --bundle-dir carried/       connected side: write bundles
  kube-sbom verify-image registry.k8s.io/pause:3.9 --registry-mirror registry.k8s.io=mirror.example/k8s \\
      --trusted-root trusted_root.json --bundles-from carried/                  far side: read them`,
  );
  cmd.action((references: string[], opts: VerifyImageCliOptions) =>
    runAction(async () => {
      const { runVerifyImage } = await import('../verify-image-run.js');
      return runVerifyImage(references, opts);
    }),
  );
}
