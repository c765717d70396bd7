// The load-source use case as the commands drive it: release checks from the flags, and its events on stderr
// (progress on a terminal, warnings always). Light on purpose: reading a file loads nothing of the release path.
import type { LoadEventListener, ReleaseLoadOptions } from '../app/loaded-source.js';
import { sanitizeLine } from '../common/sanitize.js';
import { defaultCacheDir } from '../fetch/cache.js';
import { createProgressBar } from '../fetch/progress-bar.js';
import type { VerifyEventListener } from '../verify/release-check.js';
import { progressAllowed, warn } from './output.js';
import { fetchSettingsFrom, signerPolicyFrom, type ReleaseCliOptions } from './release-options.js';

export function releaseLoadOptions(opts: ReleaseCliOptions): ReleaseLoadOptions {
  return {
    sbomUrl: opts.sbomUrl,
    dlUrl: opts.dlUrl,
    rekorUrl: opts.rekorUrl,
    ...definedOnly(signerPolicyFrom(opts)),
    ...(opts.trustedRoot ? { trustedRootPath: opts.trustedRoot } : {}),
    ...(opts.rekorEntry ? { rekorEntryFile: opts.rekorEntry } : {}),
    ...(opts.sbomBundle ? { sbomBundleFile: opts.sbomBundle } : {}),
    ...(opts.cache === false ? {} : { cacheDir: opts.cacheDir ?? defaultCacheDir() }),
    offline: opts.offline === true,
    fetchSettings: definedOnly(fetchSettingsFrom(opts)),
  };
}

export function cliLoadEvents(): LoadEventListener {
  const progress = cliProgress();
  return (event) => (event.type === 'warning' ? warn(event.message) : progress(event));
}

/** Progress bar and stage lines on stderr when it is a terminal and --quiet was not given; nothing otherwise. */
export function cliProgress(): VerifyEventListener {
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

function definedOnly<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
