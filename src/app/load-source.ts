// The one way into a document for the command line and the UI: a file as it is, a URL downloaded, or a release
// version downloaded and verified first.
import { loadFile } from './load-file.js';
import type { LoadedSource, LoadEventListener, LoadOptions } from './loaded-source.js';
import type { SourceRef } from './source-kind.js';

export async function loadSource(source: SourceRef, options: LoadOptions, onEvent: LoadEventListener = () => undefined): Promise<LoadedSource> {
  const format = options.inputFormat ? { inputFormat: options.inputFormat } : {};
  switch (source.kind) {
    case 'file':
      return loadFile(source.path, { maxBytes: options.maxBytes, ...format });
    // Downloads and Sigstore load only when asked for: reading a file stays light.
    case 'url': {
      const { loadUrl } = await import('./load-url.js');
      const { offline, fetchSettings } = options.release;
      return loadUrl(source.url, { maxBytes: options.maxBytes, offline, ...(fetchSettings ? { fetchSettings } : {}), ...format }, onEvent);
    }
    case 'release': {
      const { loadRelease } = await import('./load-release.js');
      return loadRelease(source.version, options.release, onEvent);
    }
  }
}
