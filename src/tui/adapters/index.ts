// The real ports: each use case of the UI connected to the module that does the work. Modules load on first use,
// so the first frame does not wait for the export writers, YAML or the registry client.
import { sourceOf } from '../../app/source-kind.js';
import type { TuiPorts } from '../ports.js';
import type { TuiSettings } from './settings.js';

export type { TuiSettings } from './settings.js';

export function createPorts(settings: TuiSettings): TuiPorts {
  return {
    ...(settings.demo ? { demo: settings.demo } : {}),
    versions: settings.versions,
    // The same decision as the commands': an existing file named like a version (./stable) is a file.
    isVersion: (text) => sourceOf(text, { urls: true }).kind === 'release',
    openFile: async (path) => (await import('./open-file.js')).openSbomFile(settings, path),
    verifyRelease: async (version, onEvent) => (await import('./release.js')).verifyRelease(settings, version, onEvent),
    verifyImages: async (view, references, onResult, onWarning) =>
      (await import('./images.js')).verifyViewImages(settings, view, references, onResult, onWarning),
    exportFile: async (view, request) => (await import('./export.js')).exportToDir(settings.exportDir, view, request),
  };
}
