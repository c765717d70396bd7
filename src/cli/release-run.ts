// What verify-sbom and verify-binary share at run time: settings from flags, progress on a TTY, the verifier.
import { defaultCacheDir } from '../fetch/cache.js';
import { createReleaseSignatureVerifier } from '../verify/release-signature.js';
import type { ReleaseSourceOptions } from '../verify/release-session.js';
import { cliProgress } from './load-options.js';
import { warn } from './output.js';
import { fetchSettingsFrom, signerPolicyFrom, type ReleaseCliOptions } from './release-options.js';

export function releaseSourceOptions(opts: ReleaseCliOptions): ReleaseSourceOptions {
  const cacheDir = opts.cache === false ? undefined : (opts.cacheDir ?? defaultCacheDir());
  const offline = opts.offline === true;
  return {
    sbomUrl: opts.sbomUrl,
    dlUrl: opts.dlUrl,
    rekorUrl: opts.rekorUrl,
    ...signerPolicyFrom(opts),
    trustedRootPath: opts.trustedRoot,
    cacheDir,
    offline,
    fetchSettings: stripUndefined(fetchSettingsFrom(opts)),
    verifySignature: createReleaseSignatureVerifier({ offline, cacheDir, warn }),
    onEvent: cliProgress(),
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
