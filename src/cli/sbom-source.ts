// An SBOM named on the command line, through the load-source use case: a file as it is, a URL downloaded (and not
// verified, as a file is not), or a release version downloaded and verified first. Progress and warnings go to stderr.
import type { SbomFormat } from '../../parsers/model.js';
import { loadSource } from '../app/load-source.js';
import type { LoadedSource } from '../app/loaded-source.js';
import { sourceOf } from '../app/source-kind.js';
import { usageError } from '../common/errors.js';
import { printParseWarnings } from './parse-warnings.js';
import type { ReleaseCliOptions } from './release-options.js';
import { cliLoadEvents, releaseLoadOptions } from './load-options.js';
import { parseSize } from './size-option.js';

export interface SbomSourceOptions {
  maxSize: string;
  inputFormat?: SbomFormat;
  /** How to fetch and check a release SBOM; the identities must be the release signer's. */
  release: ReleaseCliOptions;
}

export async function loadSbomSource(text: string, options: SbomSourceOptions): Promise<LoadedSource> {
  const source = sourceOf(text, { urls: true });
  // A bundle that is never checked must not look as if it vouched for the file.
  if (source.kind !== 'release' && options.release.sbomBundle !== undefined)
    throw usageError(
      'OPTION_CONFLICT',
      '--sbom-bundle checks a release VERSION download; a FILE is read as it is (check one with verify-blob FILE --bundle B)',
    );
  const loaded = await loadSource(
    source,
    {
      maxBytes: parseSize(options.maxSize),
      ...(options.inputFormat ? { inputFormat: options.inputFormat } : {}),
      release: releaseLoadOptions(options.release),
    },
    cliLoadEvents(),
  );
  printParseWarnings(loaded.label, loaded.diagnostics);
  return loaded;
}
