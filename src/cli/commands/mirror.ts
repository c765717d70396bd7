// `kube-sbom mirror [VERSION|FILE] --to REGISTRY[/PREFIX] | --to oci-layout:DIR`: verified images, with their
// signatures, copied to a private registry or a folder for the air gap, then verified again from there.
import { Option, type Command } from 'commander';
import { DEFAULT_DL_URL, DEFAULT_REKOR_URL, DEFAULT_SBOM_URL } from '../../k8s/identities.js';
import { DEFAULT_IMAGE_CONCURRENCY } from '../../verify/defaults.js';
import { addImageOptions } from '../image-options.js';
import type { MirrorCliOptions } from '../mirror-run.js';
import { runAction } from '../run-action.js';
import { addSharedOptions } from '../shared-options.js';

export function registerMirror(program: Command): void {
  const cmd = program
    .command('mirror')
    .summary('copy verified images and their signatures to a private registry or an OCI layout folder')
    .description(
      'Copy every image of a Kubernetes release (or of any SBOM, or of a list) to another registry or to an OCI ' +
        'image layout folder, with all the platforms of a multi-arch index and every signature stored for it: ' +
        "cosign's legacy sha256-<hex>.sig tags, and OCI referrers (Sigstore bundles) found through the referrers API " +
        'or their sha256-<hex> fallback tag. Each image is verified first (the same checks as verify-images) and ' +
        'only verified images are copied. Manifests are copied byte for byte, so digests do not change. Blobs the ' +
        'target already has are skipped, blobs it holds in another repository are mounted, the rest are streamed ' +
        'and checked against their digest on the way. A run that was interrupted resumes where it stopped when run ' +
        'again. Last, every copied image is verified again from the target alone (signature, manifests, tags, ' +
        'every layer read back and hashed), and the run fails if any copy does not verify.',
    )
    .argument('[source]', 'an SBOM file or URL, or a release version (v1.29.0, stable, latest-1.29)', 'stable')
    .requiredOption('--to <target>', 'REGISTRY[/PREFIX] (e.g. registry.internal:5000/k8s) or oci-layout:DIR')
    .option('--from <file>', 'mirror the references listed in this file (one per line, # comments) instead of an SBOM')
    .option('--arch <arch>', 'only images for this architecture (amd64, arm64, ...)')
    .option('--name <glob>', 'only images whose name matches (* wildcard), e.g. "kube-*"')
    .option('--dry-run', 'verify and print what would be copied and what the target already has; write nothing')
    .option('--sbom', 'also carry the release SBOM with its checksums, signature, certificate, Rekor entry and bundle (see below)')
    .option('--concurrency <n>', 'images handled at once', String(DEFAULT_IMAGE_CONCURRENCY))
    .option('--no-check-sbom-layers', "skip comparing the registry's layers with the SBOM's layer packages before copying")
    .option('--docker-config <file>', 'credentials for the target (default $DOCKER_CONFIG/config.json, else ~/.docker/config.json)')
    .option('--sbom-url <url>', 'release SBOM base URL or mirror (https, http, file)', DEFAULT_SBOM_URL)
    .option('--dl-url <url>', 'dl.k8s.io base URL or mirror: version markers', DEFAULT_DL_URL)
    .option('--rekor-url <url>', 'Rekor instance for the release SBOM signature', DEFAULT_REKOR_URL)
    .option('--no-cache', 'neither read nor write the download cache')
    .addOption(new Option('--max-size <size>', 'refuse larger SBOM files').default('512MiB'));
  addSharedOptions(addImageOptions(cmd), {}).addHelpText(
    'after',
    `
Where images go: with --to REGISTRY/PREFIX, registry.k8s.io/kube-apiserver lands at REGISTRY/PREFIX/kube-apiserver
(same tag, same digest); mirrored without a prefix, the far side verifies it with
  kube-sbom verify-images VERSION --registry-mirror registry.k8s.io=REGISTRY
With --to oci-layout:DIR, each image is tagged in DIR/index.json with its full source reference, readable by
"--oci-layout DIR" and by "skopeo inspect oci:DIR:registry.k8s.io/kube-apiserver:v1.30.0". A layout can be the
source of another run (--oci-layout DIR --to REGISTRY): carry it across the air gap, then push it inside.

With --sbom (a release VERSION only), once every image is copied and verified, the release SBOM is verified again
and carried with its checksums, signature, certificate, Rekor entry and Sigstore bundle as one OCI artifact (one
layer per file, named by its org.opencontainers.image.title annotation), tagged VERSION in kubernetes-release-sbom:
REGISTRY/PREFIX/kubernetes-release-sbom:VERSION, or sbom.k8s.io/kubernetes-release-sbom:VERSION in an OCI layout.
Any OCI client reads it back, e.g. "oras pull" or "skopeo copy oci:DIR:sbom.k8s.io/kubernetes-release-sbom:VERSION ...".
Pulled into carried/sbom/VERSION/, the far side verifies the release with no network:
  kube-sbom verify-images VERSION --sbom-url file:///path/carried/sbom \\
      --sbom-bundle carried/sbom/VERSION/release.sigstore.json --trusted-root trusted_root.json --oci-layout DIR

Credentials for the target come from the Docker config file ("auths" entries, "credHelpers" and "credsStore" helpers
run as Docker runs them). They are sent only to the host they are configured for: never to the source, never to a
token service or a redirect on another host. They are never printed.

Exit codes: 0 every image verified, copied and verified again in the target; 1 an image failed a check (at the
source, or its copy in the target); 2 usage error; 3 a copy could not be made (network, access) and none failed.

Examples:
  kube-sbom mirror v1.30.0 --to registry.internal:5000/k8s
  kube-sbom mirror v1.30.0 --to oci-layout:./k8s-v1.30.0 --arch amd64
  kube-sbom mirror release.spdx --to 127.0.0.1:5000 --dry-run
  kube-sbom mirror --from images.txt --to oci-layout:./images --json`,
  );
  cmd.action((source: string, opts: MirrorCliOptions) =>
    runAction(async () => {
      const { runMirror } = await import('../mirror-run.js');
      return runMirror(source, opts);
    }),
  );
}
