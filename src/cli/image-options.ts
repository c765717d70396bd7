// Options verify-image and verify-images share: signer identity (cosign's flags), trusted root, registry access.
// Declarations only: what they mean at run time is image-run-options.ts.
import type { Command } from 'commander';
import { IMAGE_SIGNER_IDENTITY, RELEASE_SIGNER_ISSUER } from '../k8s/identities.js';
import { DEFAULT_TIMEOUT } from '../verify/defaults.js';

export interface ImageCliOptions {
  certificateIdentity?: string;
  certificateIdentityRegexp?: string;
  certificateOidcIssuer?: string;
  certificateOidcIssuerRegexp?: string;
  trustedRoot?: string;
  offline?: boolean;
  allowHttpRegistry?: boolean;
  registryMirror?: string[];
  ociLayout?: string;
  cacheDir?: string;
  json?: boolean;
  timeout?: string;
  /** Writes: each verified legacy signature as a bundle (verify-image, verify-images). */
  bundleDir?: string;
  /** Reads: bundles carried from where the registry was reachable; never writes. */
  bundlesFrom?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function addImageOptions(cmd: Command): Command {
  return cmd
    .option('--certificate-identity <id>', `expected signer (certificate SAN), exact (default ${IMAGE_SIGNER_IDENTITY})`)
    .option('--certificate-identity-regexp <re>', 'expected signer as a regular expression, anchored at both ends')
    .option('--certificate-oidc-issuer <url>', `expected OIDC issuer, exact (default ${RELEASE_SIGNER_ISSUER})`)
    .option('--certificate-oidc-issuer-regexp <re>', 'expected OIDC issuer as a regular expression, anchored at both ends')
    .option('--trusted-root <file>', 'Sigstore trusted_root.json (default: refreshed through TUF online, else the shipped public-good root)')
    .option('--offline', 'no TUF refresh of the trusted root; only registries on this machine or --oci-layout')
    .option('--allow-http-registry', 'allow plain HTTP to registries that are not on this machine (loopback always may)')
    .option(
      '--registry-mirror <from=to>',
      'ask another registry host (and path prefix) for images of FROM, e.g. registry.k8s.io=127.0.0.1:5000 or registry.k8s.io=mirror.example/k8s (repeatable)',
      collect,
    )
    .option('--oci-layout <dir>', 'read images and signatures from an OCI image layout folder instead of a registry')
    .option('--cache-dir <dir>', 'cache folder for downloads and the TUF trusted root (default $XDG_CACHE_HOME/kube-sbom)')
    .option('--timeout <duration>', 'give up on an image after this long, retries included (e.g. 90s, 30m)', DEFAULT_TIMEOUT);
}

/** The two bundle folders, one that is only written and one that is only read, so no run writes where it reads. */
export function addImageBundleOptions(cmd: Command): Command {
  return cmd
    .option(
      '--bundle-dir <dir>',
      'WRITE: each verified legacy signature of a verified image as a standard Sigstore bundle (sha256-<hex>-N.sigstore.json) beside its signed payload (sha256-<hex>-N.payload.json); to carry across an air gap',
    )
    .option(
      '--bundles-from <dir>',
      'READ (never writes): signatures carried in bundles that --bundle-dir wrote, checked beside those the registry holds; needs no Rekor and no registry signature tags',
    );
}

/** --bundles-from alone, for commands that read carried signatures but write no bundles (pin). */
export function addCarriedBundlesOption(cmd: Command): Command {
  return cmd.option(
    '--bundles-from <dir>',
    'READ (never writes): image signatures carried in bundles that verify-images --bundle-dir wrote, checked beside those the registry holds; needs no Rekor and no registry signature tags',
  );
}

export const FAR_SIDE_HELP = `
With no network (air-gapped, or a private mirror): give where the images are, the trusted root, and the carried
signatures; nothing else is asked (no TUF, no Rekor, no registry.k8s.io):
  --registry-mirror registry.k8s.io=HOST/PREFIX   (or --oci-layout DIR)
  --trusted-root trusted_root.json                (kube-sbom trust-root export FILE, on the connected side)
  --bundles-from DIR                              (kube-sbom verify-images --bundle-dir DIR, on the connected side)
An image whose signatures are in neither the mirror nor DIR fails (exit 1) and the message says what to carry.`;
