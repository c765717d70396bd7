// Options shared by verify-sbom and verify-binary, and their translation into the use cases' settings.
import { Option, type Command } from 'commander';
import { parseDuration } from '../common/duration.js';
import { usageError } from '../common/errors.js';
import { DEFAULT_DL_URL, DEFAULT_REKOR_URL, DEFAULT_SBOM_URL, RELEASE_SIGNER_IDENTITY, RELEASE_SIGNER_ISSUER } from '../k8s/identities.js';
import { DEFAULT_TIMEOUT } from '../verify/defaults.js';

export interface ReleaseCliOptions {
  sbomUrl: string;
  dlUrl: string;
  rekorUrl: string;
  rekorEntry?: string;
  /** The release SBOM signature's carried Sigstore bundle (--sbom-bundle). */
  sbomBundle?: string;
  trustedRoot?: string;
  /** Always set (commander default: the Kubernetes release signer). */
  certificateIdentity: string;
  certificateIdentityRegexp?: string;
  certificateOidcIssuer: string;
  certificateOidcIssuerRegexp?: string;
  cacheDir?: string;
  cache: boolean;
  offline?: boolean;
  json?: boolean;
  outputDir?: string;
  connectTimeout?: string;
  idleTimeout?: string;
  retries?: string;
  retryDelay?: string;
  timeout?: string;
}

/** --sbom-bundle FILE: the release SBOM's carried bundle; one or the other with the flag that gives its Rekor entry. */
export function sbomBundleOption(rekorEntryOption: 'rekorEntry' | 'sbomRekorEntry'): Option {
  return new Option(
    '--sbom-bundle <file>',
    "the release SBOM signature's Sigstore bundle (release.sigstore.json, written by verify-sbom -o and carried by mirror --sbom): verified instead of a Rekor lookup, e.g. offline",
  ).conflicts(rekorEntryOption);
}

export function addReleaseOptions(cmd: Command): Command {
  return cmd
    .option('--sbom-url <url>', 'release SBOM base URL or mirror (https, http, file)', DEFAULT_SBOM_URL)
    .option('--dl-url <url>', 'dl.k8s.io base URL or mirror (https, http, file): markers and binaries', DEFAULT_DL_URL)
    .option('--rekor-url <url>', 'Rekor instance to find the transparency-log entry in', DEFAULT_REKOR_URL)
    .option('--trusted-root <file>', 'Sigstore trusted_root.json (default: refreshed through TUF online, else the shipped public-good root)')
    .option('--certificate-identity <id>', 'expected signer (certificate SAN), exact', RELEASE_SIGNER_IDENTITY)
    .option('--certificate-identity-regexp <re>', 'expected signer as a regular expression, anchored at both ends')
    .option('--certificate-oidc-issuer <url>', 'expected OIDC issuer of the signer, exact', RELEASE_SIGNER_ISSUER)
    .option('--certificate-oidc-issuer-regexp <re>', 'expected OIDC issuer as a regular expression, anchored at both ends')
    .option('--cache-dir <dir>', 'download cache (default $XDG_CACHE_HOME/kube-sbom or ~/.cache/kube-sbom)')
    .option('--no-cache', 'neither read nor write the download cache')
    .option('--offline', 'no network: only the cache and file:// mirrors')
    .option('--connect-timeout <ms>', 'milliseconds allowed to open a connection', '15000')
    .option('--idle-timeout <ms>', 'milliseconds of silence allowed while downloading', '30000')
    .option('--retries <n>', 'retries in a row on network errors, 5xx and 429 (a download that was cut after progress continues and counts afresh)', '3')
    .option('--timeout <duration>', 'give up on a download after this long, retries included (e.g. 90s, 30m)', DEFAULT_TIMEOUT)
    .addOption(new Option('--retry-delay <ms>', 'first backoff delay').default('500').hideHelp());
}

function integer(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw usageError('OPTION_INVALID', `${flag} ${value}: give a whole number from ${min} to ${max}`);
  }
  return Number(value);
}

/**
 * Exact or regular-expression identity and issuer. A regexp replaces the exact default (the Kubernetes signer);
 * an exact value the user changed AND a regexp is refused, as cosign does.
 */
export function signerPolicyFrom(opts: ReleaseCliOptions) {
  const identityChanged = opts.certificateIdentity !== RELEASE_SIGNER_IDENTITY;
  const issuerChanged = opts.certificateOidcIssuer !== RELEASE_SIGNER_ISSUER;
  if (identityChanged && opts.certificateIdentityRegexp !== undefined) {
    throw usageError('OPTION_CONFLICT', 'give --certificate-identity or --certificate-identity-regexp, not both');
  }
  if (issuerChanged && opts.certificateOidcIssuerRegexp !== undefined) {
    throw usageError('OPTION_CONFLICT', 'give --certificate-oidc-issuer or --certificate-oidc-issuer-regexp, not both');
  }
  return {
    identity: opts.certificateIdentityRegexp === undefined ? opts.certificateIdentity : undefined,
    identityRegexp: opts.certificateIdentityRegexp,
    issuer: opts.certificateOidcIssuerRegexp === undefined ? opts.certificateOidcIssuer : undefined,
    issuerRegexp: opts.certificateOidcIssuerRegexp,
  };
}

export function fetchSettingsFrom(opts: ReleaseCliOptions) {
  return {
    connectTimeoutMs: integer(opts.connectTimeout, '--connect-timeout', 1, 600_000),
    idleTimeoutMs: integer(opts.idleTimeout, '--idle-timeout', 1, 3_600_000),
    retries: integer(opts.retries, '--retries', 0, 10),
    retryBaseDelayMs: integer(opts.retryDelay, '--retry-delay', 0, 60_000),
    timeoutMs: opts.timeout === undefined ? undefined : parseDuration(opts.timeout, '--timeout'),
  };
}

export const RELEASE_HELP_FOOTER = `
Exit codes: 0 every check passed; 1 a check failed (digest, signature, identity, SBOM);
2 usage error (e.g. an invalid version); 3 could not run (network, file system, missing file).
Nothing is written to -o DIR or the cache unless every check passed.`;
