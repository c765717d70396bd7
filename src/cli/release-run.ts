// What verify-sbom and verify-binary share at run time: settings from flags, progress on a TTY, the verifier.
import { defaultCacheDir } from '../fetch/cache.js';
import { createProgressBar } from '../fetch/progress-bar.js';
import { sanitizeLine } from '../common/sanitize.js';
import { createReleaseSignatureVerifier } from '../verify/release-signature.js';
import type { VerifyEventListener } from '../verify/release-check.js';
import type { ReleaseSourceOptions } from '../verify/release-session.js';
import type { LoadEventListener, ReleaseLoadOptions } from '../app/loaded-source.js';
import { fetchSettingsFrom, signerPolicyFrom, type ReleaseCliOptions } from './release-options.js';

const warn = (message: string) => process.stderr.write(`kube-sbom: warning: ${sanitizeLine(message)}\n`);

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

/** How the load-source use case fetches and checks a release SBOM named on the command line. */
export function releaseLoadOptions(opts: ReleaseCliOptions): ReleaseLoadOptions {
  const { verifySignature: _verifier, onEvent: _events, trustedRootPath, cacheDir, ...rest } = releaseSourceOptions(opts);
  return {
    ...rest,
    offline: opts.offline === true,
    ...(trustedRootPath ? { trustedRootPath } : {}),
    ...(cacheDir ? { cacheDir } : {}),
    ...(opts.rekorEntry ? { rekorEntryFile: opts.rekorEntry } : {}),
  };
}

/** The use case's events on stderr: progress on a terminal, warnings always. */
export function cliLoadEvents(): LoadEventListener {
  const progress = cliProgress();
  return (event) => (event.type === 'warning' ? warn(event.message) : progress(event));
}

/** Progress bar and stage lines on stderr when it is a terminal; nothing otherwise. */
function cliProgress(): VerifyEventListener {
  const bar = createProgressBar(process.stderr);
  const tty = process.stderr.isTTY === true;
  return (event) => {
    if (event.type === 'stage') {
      if (tty) process.stderr.write(`${sanitizeLine(event.message)}\n`);
    } else if (event.type !== 'check') {
      bar(event);
    }
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
