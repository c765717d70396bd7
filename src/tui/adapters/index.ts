// The real ports: each use case of the UI connected to the module that does the work. Modules load on first use,
// so the first frame does not wait for the export writers, YAML or the registry client.
import { parseVersionSpec } from '../../k8s/versions.js';
import type { TuiPorts } from '../ports.js';
import type { TuiSettings } from './settings.js';

export type { TuiSettings } from './settings.js';

export function createPorts(settings: TuiSettings): TuiPorts {
  return {
    ...(settings.demo ? { demo: settings.demo } : {}),
    versions: settings.versions,
    isVersion: (text) => {
      try {
        parseVersionSpec(text);
        return true;
      } catch {
        return false;
      }
    },
    openFile: async (path) => {
      const { isUrl, openSbomUrl } = await import('./open-url.js');
      if (isUrl(path)) return openSbomUrl(path, settings);
      const { openSbomFile } = await import('./open-file.js');
      return openSbomFile(path, settings.maxBytes);
    },
    verifyRelease: async (version, onEvent) => (await import('./release.js')).verifyRelease(settings, version, onEvent),
    verifyImages: async (view, references, onResult) => (await import('./images.js')).verifyViewImages(settings, view, references, onResult),
    exportFile: async (view, request) => (await import('./export.js')).exportToDir(settings.exportDir, view, request),
  };
}
