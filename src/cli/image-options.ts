// Options verify-image and verify-images share: signer identity (cosign's flags), trusted root, registry access.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parseDuration } from '../common/duration.js';
import { describeFsError, usageError } from '../common/errors.js';
import { sanitizeLine } from '../common/sanitize.js';
import { IMAGE_SIGNER_IDENTITY, RELEASE_SIGNER_ISSUER } from '../k8s/identities.js';
import type { ImageSource } from '../registry/source.js';
import { DEFAULT_TIMEOUT } from '../verify/defaults.js';
import type { IdentityPolicy } from '../sigstore/identity.js';
import type { LoadedTrustedRoot } from '../sigstore/trusted-root.js';

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
    .option('--json', 'print exactly one JSON report on stdout (checks, signatures, cosign payloads)')
    .option('--timeout <duration>', 'give up on an image after this long, retries included (e.g. 90s, 30m)', DEFAULT_TIMEOUT);
}

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

export function parseMirrors(values: string[] | undefined): Record<string, string> | undefined {
  if (!values?.length) return undefined;
  const mirrors: Record<string, string> = {};
  for (const value of values) {
    const m = /^([^=\s/]+)=([^=\s/]+)$/.exec(value);
    if (!m) throw usageError('OPTION_INVALID', `--registry-mirror ${JSON.stringify(value)}: give FROM=TO hosts, e.g. registry.k8s.io=127.0.0.1:5000`);
    mirrors[m[1]!] = m[2]!;
  }
  return mirrors;
}

export async function imageSourceFrom(opts: ImageCliOptions): Promise<ImageSource> {
  const { createImageSource } = await import('../registry/index.js');
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
export async function assertOfflineAllows(opts: ImageCliOptions, registries: string[]): Promise<void> {
  if (!opts.offline || opts.ociLayout) return;
  const { isLoopbackHost } = await import('../registry/reference.js');
  const mirrors = parseMirrors(opts.registryMirror) ?? {};
  const remote = registries.map((r) => mirrors[r] ?? r).find((host) => !isLoopbackHost(host));
  if (remote)
    throw usageError('OFFLINE_REGISTRY', `--offline: ${sanitizeLine(remote)} is not on this machine; use --oci-layout DIR or a loopback --registry-mirror`);
}

export async function trustedRootFrom(opts: ImageCliOptions): Promise<LoadedTrustedRoot> {
  const { resolveTrustedRoot, sigstoreTufFetcher } = await import('../sigstore/trust-source.js');
  let trustedRootFile: { path: string; text: string } | undefined;
  if (opts.trustedRoot) {
    try {
      trustedRootFile = { path: opts.trustedRoot, text: await readFile(opts.trustedRoot, 'utf8') };
    } catch (err) {
      throw describeFsError(err, opts.trustedRoot);
    }
  }
  return resolveTrustedRoot({
    ...(trustedRootFile ? { trustedRootFile } : {}),
    offline: opts.offline === true,
    tuf: sigstoreTufFetcher(opts.cacheDir ? { cacheDir: opts.cacheDir } : {}),
    warn: (message) => process.stderr.write(`kube-sbom: warning: ${sanitizeLine(message)}\n`),
  });
}
