// The tui command at run time: the source and flags checked and read into a launch request for the UI, which the
// program's entry point provides (the command line never loads the UI itself).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { sourceOf } from '../app/source-kind.js';
import type { UiLauncher, UiLaunchRequest } from '../app/ui-launch.js';
import { userDirectory } from '../app/user-directory.js';
import { usageError } from '../common/errors.js';
import { sanitizeLine } from '../common/sanitize.js';
import { defaultCacheDir } from '../fetch/cache.js';
import { RELEASE_SIGNER_ISSUER } from '../k8s/identities.js';
import { ciVariable } from './ci-env.js';
import { parseMirrors } from './registry-mirrors.js';
import { fetchSettingsFrom, type ReleaseCliOptions } from './release-options.js';
import { parseSize } from './size-option.js';

export interface TuiCliOptions extends ReleaseCliOptions {
  samples?: boolean;
  rekorEntry?: string;
  ociLayout?: string;
  registryMirror?: string[];
  bundlesFrom?: string;
  allowHttpRegistry?: boolean;
  imageIdentity: string;
  exportDir: string;
  maxSize: string;
  concurrency: string;
  color?: boolean;
}

export async function startTui(sources: string[], opts: TuiCliOptions, launch: UiLauncher): Promise<number> {
  const [text] = sources;
  if (sources.length > 1) {
    throw usageError(
      'UNKNOWN_COMMAND',
      `${sanitizeLine(sources[0]!)}: not a kube-sbom command, and the UI takes one VERSION, FILE or URL; see kube-sbom --help`,
    );
  }
  let initial: UiLaunchRequest['initial'];
  if (text !== undefined) {
    const source = sourceOf(text, { urls: true });
    // Checked before the terminal: a mistyped command should hear about the command, not about the terminal.
    if (source.kind === 'file' && !existsSync(source.path)) {
      throw usageError(
        'SOURCE_INVALID',
        `${sanitizeLine(text)}: not a command, a file, a URL or a release version (v1.29.0, stable, latest-1.29); see kube-sbom --help`,
      );
    }
    initial = { kind: source.kind === 'release' ? 'version' : 'file', value: text };
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw usageError(
      'NO_TTY',
      'the interactive UI needs a terminal; in scripts use the commands instead: kube-sbom verify-sbom, images, inspect, verify-images (kube-sbom --help)',
    );
  }
  const ci = ciVariable(process.env);
  if (ci) {
    // An empty value counts as set for Ink, so `CI= kube-sbom` would not help: 0 or unsetting it does.
    throw usageError(
      'CI_SET',
      `${ci.name}=${sanitizeLine(ci.value)} is set, and with it the terminal UI cannot draw interactively (Ink takes it for a CI job); run it with ${ci.name} unset or 0: ${ci.name}=0 kube-sbom ... (or env -u ${ci.name} kube-sbom ...)`,
    );
  }
  // React's development build records every prop for its profiler: with 100k rows that costs seconds per key.
  process.env.NODE_ENV ??= 'production';
  // --no-color and NO_COLOR (no-color.org): chalk reads FORCE_COLOR when it loads; the cursor keeps its ▸ mark.
  if (opts.color === false || (process.env.NO_COLOR ?? '') !== '') process.env.FORCE_COLOR = '0';
  const concurrency = Number(opts.concurrency);
  if (!/^\d+$/.test(opts.concurrency) || concurrency < 1 || concurrency > 64) {
    throw usageError('OPTION_INVALID', `--concurrency ${opts.concurrency}: give a whole number from 1 to 64`);
  }
  const fetchSettings = Object.fromEntries(Object.entries(fetchSettingsFrom(opts)).filter(([, v]) => v !== undefined));
  const mirrors = parseMirrors(opts.registryMirror);
  return launch({
    ...(initial ? { initial } : {}),
    samples: opts.samples === true,
    sbomUrl: opts.sbomUrl,
    dlUrl: opts.dlUrl,
    rekorUrl: opts.rekorUrl,
    ...(opts.rekorEntry ? { rekorEntryFile: opts.rekorEntry } : {}),
    ...(opts.sbomBundle ? { sbomBundleFile: opts.sbomBundle } : {}),
    ...(opts.trustedRoot ? { trustedRootPath: opts.trustedRoot } : {}),
    releaseIdentity: opts.certificateIdentity,
    imageIdentity: opts.imageIdentity,
    issuer: opts.certificateOidcIssuer ?? RELEASE_SIGNER_ISSUER,
    ...(opts.cache === false ? {} : { cacheDir: opts.cacheDir ?? defaultCacheDir() }),
    offline: opts.offline === true,
    fetchSettings,
    ...(opts.ociLayout ? { ociLayout: opts.ociLayout } : {}),
    ...(mirrors ? { registryMirrors: mirrors } : {}),
    ...(opts.bundlesFrom ? { bundlesFrom: opts.bundlesFrom } : {}),
    allowHttpRegistry: opts.allowHttpRegistry === true,
    // From the user's directory, also under `npm start` (which runs in the project's folder).
    exportDir: resolve(userDirectory(), opts.exportDir),
    maxBytes: parseSize(opts.maxSize),
    concurrency,
  });
}
