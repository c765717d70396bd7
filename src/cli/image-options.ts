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
    .option('--registry-mirror <from=to>', 'ask another registry host for images of FROM, e.g. registry.k8s.io=127.0.0.1:5000 (repeatable)', collect)
    .option('--oci-layout <dir>', 'read images and signatures from an OCI image layout folder instead of a registry')
    .option('--cache-dir <dir>', 'cache folder for downloads and the TUF trusted root (default $XDG_CACHE_HOME/kube-sbom)')
    .option('--timeout <duration>', 'give up on an image after this long, retries included (e.g. 90s, 30m)', DEFAULT_TIMEOUT);
}
