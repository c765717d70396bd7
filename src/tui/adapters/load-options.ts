// The UI's settings as the load-source use case's options: the same limits and release checks as the commands.
import type { LoadOptions } from '../../app/loaded-source.js';
import type { TuiSettings } from './settings.js';

export function loadOptionsFrom(settings: TuiSettings): LoadOptions {
  return {
    maxBytes: settings.maxBytes,
    release: {
      sbomUrl: settings.sbomUrl,
      dlUrl: settings.dlUrl,
      rekorUrl: settings.rekorUrl,
      identity: settings.releaseIdentity,
      issuer: settings.issuer,
      ...(settings.trustedRootPath ? { trustedRootPath: settings.trustedRootPath } : {}),
      ...(settings.rekorEntryFile ? { rekorEntryFile: settings.rekorEntryFile } : {}),
      ...(settings.sbomBundleFile ? { sbomBundleFile: settings.sbomBundleFile } : {}),
      ...(settings.cacheDir ? { cacheDir: settings.cacheDir } : {}),
      offline: settings.offline,
      ...(settings.fetchSettings ? { fetchSettings: settings.fetchSettings } : {}),
    },
  };
}
