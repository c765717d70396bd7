// The real ports: each use case of the UI connected to the module that does the work.
import { parseVersionSpec } from '../../k8s/versions.js';
import type { TuiPorts } from '../ports.js';
import { exportToDir } from './export.js';
import { verifyViewImages } from './images.js';
import { openSbomFile } from './open-file.js';
import { isUrl, openSbomUrl } from './open-url.js';
import { verifyRelease } from './release.js';
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
    openFile: (path) => (isUrl(path) ? openSbomUrl(path, settings) : openSbomFile(path, settings.maxBytes)),
    verifyRelease: (version, onEvent) => verifyRelease(settings, version, onEvent),
    verifyImages: (view, references, onResult) => verifyViewImages(settings, view, references, onResult),
    exportFile: (view, request) => exportToDir(settings.exportDir, view, request),
  };
}
