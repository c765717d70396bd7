// What the image options mean at run time: the signer policy, the registry (or layout) to ask, the trusted root.
import { resolve } from 'node:path';
import { parseDuration } from '../common/duration.js';
import { usageError } from '../common/errors.js';
import { sanitizeLine } from '../common/sanitize.js';
import { IMAGE_SIGNER_IDENTITY, RELEASE_SIGNER_ISSUER } from '../k8s/identities.js';
import { createImageSource } from '../registry/index.js';
import { mirrorHost } from '../registry/mirror-target.js';
import { isLoopbackHost } from '../registry/reference.js';
import type { ImageSource } from '../registry/source.js';
import type { IdentityPolicy } from '../sigstore/identity.js';
import type { LoadedTrustedRoot } from '../sigstore/trusted-root.js';
import { carriedSignatures, type CarriedSignatures } from '../verify/carried-bundles.js';
import { chooseTrustedRoot } from '../verify/trusted-root.js';
import type { ImageCliOptions } from './image-options.js';
import { warn } from './output.js';
import { parseMirrors } from './registry-mirrors.js';

/** Milliseconds for --timeout (per image). */
export function imageTimeoutFrom(opts: ImageCliOptions): number | undefined {
  return opts.timeout === undefined ? undefined : parseDuration(opts.timeout, '--timeout');
}

/** Kubernetes defaults apply to whichever half (identity, issuer) the user left unset. */
export function policyFrom(opts: ImageCliOptions): IdentityPolicy {
  return {
    ...(opts.certificateIdentityRegexp !== undefined
      ? { identityRegexp: opts.certificateIdentityRegexp }
      : { identity: opts.certificateIdentity ?? IMAGE_SIGNER_IDENTITY }),
    ...(opts.certificateOidcIssuerRegexp !== undefined
      ? { issuerRegexp: opts.certificateOidcIssuerRegexp }
      : { issuer: opts.certificateOidcIssuer ?? RELEASE_SIGNER_ISSUER }),
    ...(opts.certificateIdentity !== undefined && opts.certificateIdentityRegexp !== undefined ? { identity: opts.certificateIdentity } : {}),
    ...(opts.certificateOidcIssuer !== undefined && opts.certificateOidcIssuerRegexp !== undefined ? { issuer: opts.certificateOidcIssuer } : {}),
  };
}

export function imageSourceFrom(opts: ImageCliOptions): ImageSource {
  const mirrors = parseMirrors(opts.registryMirror);
  if (opts.ociLayout && mirrors) throw usageError('OPTION_CONFLICT', 'give either --oci-layout or --registry-mirror, not both');
  return createImageSource({
    ...(opts.ociLayout ? { ociLayout: opts.ociLayout } : {}),
    ...(mirrors ? { mirrors } : {}),
    allowHttp: opts.allowHttpRegistry === true,
    userAgent: 'kube-sbom',
  });
}

/** Refuses, before any work, a registry that --offline forbids. */
export function assertOfflineAllows(opts: ImageCliOptions, registries: string[]): void {
  if (!opts.offline || opts.ociLayout) return;
  const mirrors = parseMirrors(opts.registryMirror) ?? {};
  const remote = registries.map((r) => (mirrors[r] ? mirrorHost(mirrors[r]) : r)).find((host) => !isLoopbackHost(host));
  if (remote)
    throw usageError('OFFLINE_REGISTRY', `--offline: ${sanitizeLine(remote)} is not on this machine; use --oci-layout DIR or a loopback --registry-mirror`);
}

export async function trustedRootFrom(opts: ImageCliOptions): Promise<LoadedTrustedRoot> {
  return chooseTrustedRoot({
    ...(opts.trustedRoot ? { path: opts.trustedRoot } : {}),
    offline: opts.offline === true,
    ...(opts.cacheDir ? { cacheDir: opts.cacheDir } : {}),
    warn,
  });
}

/** --bundles-from, and what a missing signature needs on the far side (a mirror or a layout). */
export function carriedFrom(opts: ImageCliOptions): Promise<CarriedSignatures> {
  const mirrored = opts.ociLayout !== undefined || (opts.registryMirror?.length ?? 0) > 0;
  return carriedSignatures({ ...(opts.bundlesFrom !== undefined ? { bundlesFrom: opts.bundlesFrom } : {}), mirrored });
}

/** --bundle-dir and --bundles-from name different folders: a run never writes into what it reads. */
export function assertBundleFolders(opts: ImageCliOptions): void {
  if (opts.bundleDir !== undefined && opts.bundlesFrom !== undefined && resolve(opts.bundleDir) === resolve(opts.bundlesFrom))
    throw usageError('OPTION_CONFLICT', '--bundle-dir writes and --bundles-from reads: give them different folders');
}
