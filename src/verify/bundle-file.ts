// The NAME.sigstore.json that -o writes beside a verified artifact. After a pass its absence stops the whole set
// (fail closed): the set promised is the complete one, never one quietly missing its bundle.
import { ioError } from '../common/errors.js';
import type { FileToSave } from './save-verified.js';

export function bundleFile(name: string, bundle: string | undefined, outDir: string): FileToSave {
  if (bundle === undefined) {
    throw ioError(
      'BUNDLE_NOT_WRITTEN',
      `${name}: its verified signature did not verify again as a Sigstore bundle, so nothing was written to ${outDir}; please report this`,
    );
  }
  return { name: `${name}.sigstore.json`, data: bundle };
}
