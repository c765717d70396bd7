// Bundled in place of string-width 8 for its importers (Ink, widest-line, cli-truncate; see startup-plugins.mjs):
// text of plainly one-column characters is measured by dist/src/tui/cell-width.js; anything else goes to the real
// string-width, which is loaded (and its costly emoji regular expressions built) only when first needed.
import { narrowTextWidth } from '../../dist/src/tui/cell-width.js';

let real;

export default function stringWidth(input, options) {
  // With options the caller may count differently (ambiguous characters wide, escape codes counted): ask the real one.
  if (options === undefined && typeof input === 'string') {
    const width = narrowTextWidth(input);
    if (width !== undefined) return width;
  }
  // esbuild bundles this require() as a lazily initialised module: string-width runs its top level on first use.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- an import would load string-width at start-up
  real ??= require('string-width').default;
  return real(input, options);
}
