// The real ports: each use case of the UI connected to the module that does the work. Modules load on first use,
// so the first frame does not wait for the export writers, YAML or the registry client.
import { sourceOf } from '../../app/source-kind.js';
import type { SbomView, TuiPorts } from '../ports.js';
import type { DemoSource, TuiSettings } from './settings.js';

export type { DemoSource, TuiSettings } from './settings.js';

/** `settings` are the user's; `demo`'s settings serve only the demo release and the document it yields. */
export function createPorts(settings: TuiSettings, demo?: DemoSource): TuiPorts {
  const isDemo = (version: string) => demo !== undefined && version === demo.version;
  const settingsOf = (view: SbomView) => (demo && view.demo ? demo.settings : settings);
  return {
    ...(demo ? { demo: { version: demo.version, banner: demo.banner } } : {}),
    versions: settings.versions,
    // The same decision as the commands': an existing file named like a version (./stable) is a file.
    isVersion: (text) => sourceOf(text, { urls: true }).kind === 'release',
    openFile: async (path) => (await import('./open-file.js')).openSbomFile(settings, path),
    verifyRelease: async (version, onEvent) => {
      const { verifyRelease } = await import('./release.js');
      if (!isDemo(version)) return verifyRelease(settings, version, onEvent);
      const outcome = await verifyRelease(demo!.settings, version, onEvent);
      return outcome.view ? { ...outcome, view: { ...outcome.view, demo: true } } : outcome;
    },
    verifyImages: async (view, references, onResult, onWarning) =>
      (await import('./images.js')).verifyViewImages(settingsOf(view), view, references, onResult, onWarning),
    verifyFiles: async (view, paths, onResult, onWarning) => (await import('./files.js')).verifyViewFiles(settingsOf(view), view, paths, onResult, onWarning),
    exportDir: settings.exportDir,
    exportFile: async (view, request, path) => (await import('./export.js')).exportToDir(settings.exportDir, view, request, path),
    openReference: async (view, refId, path) =>
      (await import('./open-reference.js')).openReferencedFile(
        { maxBytes: settings.maxBytes, offline: settings.offline, ...(settings.fetchSettings ? { fetchSettings: settings.fetchSettings } : {}) },
        view,
        refId,
        path,
      ),
  };
}
