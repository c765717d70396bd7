// What verify-sbom and verify-binary share at run time: settings from flags, progress on a TTY, the verifier.
import { defaultCacheDir } from '../fetch/cache.js';
import { createProgressBar } from '../fetch/progress-bar.js';
import { sanitizeLine } from '../common/sanitize.js';
import { createReleaseSignatureVerifier } from '../verify/release-signature.js';
import type { VerifyEventListener } from '../verify/release-check.js';
import type { ReleaseSourceOptions } from '../verify/release-session.js';
import { progressAllowed, warn } from './output.js';
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

/** Progress bar and stage lines on stderr when it is a terminal and --quiet was not given; nothing otherwise. */
function cliProgress(): VerifyEventListener {
  if (!progressAllowed()) return () => {};
  const bar = createProgressBar(process.stderr);
  return (event) => {
    if (event.type === 'stage') {
      process.stderr.write(`${sanitizeLine(event.message)}\n`);
    } else if (event.type !== 'check') {
      bar(event);
    }
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
