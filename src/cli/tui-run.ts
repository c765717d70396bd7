// The tui command at run time: refuse without a terminal, turn flags into the adapters' settings, run the app.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { usageError } from '../common/errors.js';
import { sanitizeLine } from '../common/sanitize.js';
import { RELEASE_SIGNER_ISSUER } from '../k8s/identities.js';
import type { TuiCliOptions } from './commands/tui.js';
import { parseMirrors } from './image-options.js';
import { parseSize } from './read-sbom-file.js';
import { fetchSettingsFrom } from './release-options.js';
import { openEarly } from '../tui/early-open.js';

/** How long the UI waits, once Ink is loaded, for the document to show in its first frame; a slower one arrives later. */
const EARLY_OPEN_WAIT_MS = 300;

export async function startTui(sources: string[], opts: TuiCliOptions): Promise<number> {
  const [source] = sources;
  if (sources.length > 1) {
    throw usageError(
      'UNKNOWN_COMMAND',
      `${sanitizeLine(sources[0]!)}: not a kube-sbom command, and the UI takes one VERSION, FILE or URL; see kube-sbom --help`,
    );
  }
  let initial: { kind: 'file' | 'version'; value: string } | undefined;
  if (source !== undefined) {
    const { isUrl } = await import('../tui/adapters/open-url.js');
    const { parseVersionSpec } = await import('../k8s/versions.js');
    let isVersion = false;
    try {
      parseVersionSpec(source);
      isVersion = !existsSync(source);
    } catch {
      isVersion = false;
    }
    // Checked before the terminal: a mistyped command should hear about the command, not about the terminal.
    if (!isVersion && !isUrl(source) && !existsSync(source)) {
      throw usageError(
        'SOURCE_INVALID',
        `${sanitizeLine(source)}: not a command, a file, a URL or a release version (v1.29.0, stable, latest-1.29); see kube-sbom --help`,
      );
    }
    initial = { kind: isVersion ? 'version' : 'file', value: source };
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw usageError(
      'NO_TTY',
      'the interactive UI needs a terminal; in scripts use the commands instead: kube-sbom verify-sbom, images, inspect, verify-images (kube-sbom --help)',
    );
  }
  // React's development build records every prop for its profiler: with 100k rows that costs seconds per key.
  process.env.NODE_ENV ??= 'production';
  // --no-color and NO_COLOR (no-color.org): chalk reads FORCE_COLOR when it loads; the cursor keeps its ▸ mark.
  if (opts.color === false || (process.env.NO_COLOR ?? '') !== '') process.env.FORCE_COLOR = '0';
  // Ink and React are the slowest part of start-up: start loading them while the options are read.
  const inkLoading = import('../tui/run.js');
  inkLoading.catch(() => undefined);
  const concurrency = Number(opts.concurrency);
  if (!/^\d+$/.test(opts.concurrency) || concurrency < 1 || concurrency > 64) {
    throw usageError('OPTION_INVALID', `--concurrency ${opts.concurrency}: give a whole number from 1 to 64`);
  }
  fetchSettingsFrom(opts);
  const { createPorts } = await import('../tui/adapters/index.js');
  const { defaultCacheDir } = await import('../fetch/cache.js');
  const demo = opts.samples ? await (await import('../tui/samples.js')).loadDemo() : undefined;
  const { DEMO_BANNER } = await import('../tui/samples.js');
  if (demo && !initial) initial = { kind: 'version', value: demo.version };
  const mirrors = parseMirrors(opts.registryMirror);
  const ports = createPorts({
    sbomUrl: demo?.sbomUrl ?? opts.sbomUrl,
    dlUrl: demo?.dlUrl ?? opts.dlUrl,
    rekorUrl: opts.rekorUrl,
    ...optional('rekorEntryFile', demo?.rekorEntryFile ?? opts.rekorEntry),
    ...optional('trustedRootPath', demo?.trustedRootPath ?? opts.trustedRoot),
    releaseIdentity: demo?.releaseIdentity ?? opts.certificateIdentity,
    imageIdentity: demo?.imageIdentity ?? opts.imageIdentity,
    issuer: demo?.issuer ?? opts.certificateOidcIssuer ?? RELEASE_SIGNER_ISSUER,
    // The demo never touches the user's download cache.
    ...(demo || opts.cache === false ? {} : { cacheDir: opts.cacheDir ?? defaultCacheDir() }),
    offline: demo !== undefined || opts.offline === true,
    ...optional('ociLayout', demo?.ociLayout ?? opts.ociLayout),
    ...(mirrors ? { registryMirrors: mirrors } : {}),
    allowHttpRegistry: opts.allowHttpRegistry === true,
    exportDir: resolve(opts.exportDir),
    maxBytes: parseSize(opts.maxSize),
    concurrency,
    versions: demo ? [demo.version] : ['stable', 'latest'],
    ...(demo ? { demo: DEMO_BANNER } : {}),
  });
  // A file named on the command line opens while Ink loads; the first frame shows it if it is ready in time.
  const early = initial?.kind === 'file' ? openEarly(ports, initial.value) : undefined;
  const { runTui } = await inkLoading;
  const opened = await early?.ready(EARLY_OPEN_WAIT_MS);
  await runTui({ ports: early?.ports ?? ports, ...(initial ? { initial: { ...initial, ...(opened ? { opened } : {}) } } : {}) });
  return 0;
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
