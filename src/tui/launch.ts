// Starts the UI for a launch request: the demo's settings when asked, the real ports, the named document opened
// while Ink loads, then Ink on the terminal.
import type { UiLaunchRequest } from '../app/ui-launch.js';
import { createPorts, type DemoSource, type TuiSettings } from './adapters/index.js';
import { openEarly } from './early-open.js';
import * as samples from './samples.js';

/** How long the UI waits, once Ink is loaded, for the document to show in its first frame; a slower one arrives later. */
const EARLY_OPEN_WAIT_MS = 300;

export async function launchTui(request: UiLaunchRequest): Promise<number> {
  // Ink and React are the slowest part of start-up: start loading them while the settings are put together.
  const inkLoading = import('./run.js');
  inkLoading.catch(() => undefined);
  const demo = request.samples ? await samples.loadDemo() : undefined;
  const initial = request.initial ?? (demo ? { kind: 'version' as const, value: demo.version } : undefined);
  const { samples: _samples, initial: _initial, ...settings } = request;
  const user: TuiSettings = { ...settings, versions: demo ? [demo.version] : ['stable', 'latest'] };
  const ports = createPorts(user, demo ? demoSource(user, demo) : undefined);
  // A file named on the command line opens while Ink loads; the first frame shows it if it is ready in time.
  const early = initial?.kind === 'file' ? openEarly(ports, initial.value) : undefined;
  const { runTui } = await inkLoading;
  const opened = await early?.ready(EARLY_OPEN_WAIT_MS);
  await runTui({ ports: early?.ports ?? ports, ...(initial ? { initial: { ...initial, ...(opened ? { opened } : {}) } } : {}) });
  return 0;
}

/** The demo's settings replace the user's for the demo release and its images only. */
function demoSource(user: TuiSettings, demo: samples.DemoSettings): DemoSource {
  return {
    version: demo.version,
    banner: samples.DEMO_BANNER,
    settings: {
      ...user,
      sbomUrl: demo.sbomUrl,
      dlUrl: demo.dlUrl,
      rekorEntryFile: demo.rekorEntryFile,
      // The demo's own entry, never the user's bundle for another release.
      sbomBundleFile: undefined,
      ...(demo.rekorUrl ? { rekorUrl: demo.rekorUrl } : {}),
      trustedRootPath: demo.trustedRootPath,
      releaseIdentity: demo.releaseIdentity,
      imageIdentity: demo.imageIdentity,
      issuer: demo.issuer,
      // The demo never touches the user's download cache, nor the network.
      cacheDir: undefined,
      offline: true,
      ociLayout: demo.ociLayout,
    },
  };
}
