// esbuild plugins for the bundle that take work off the UI's start-up without changing what any library computes.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const shim = join(here, 'string-width-shim.mjs');

/**
 * Yoga (Ink's layout engine) embeds its WebAssembly as a data: URL and fetches it with the global fetch when there is
 * one: on Node that loads undici (~40-70 ms) to decode base64. Without fetch it decodes the same bytes with atob.
 */
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(build) {
    build.onLoad({ filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('typeof fetch')) throw new Error(`${args.path}: no longer reads the global fetch; review yoga-without-fetch`);
      return { contents: `const fetch = undefined; // the bundle's yoga-without-fetch plugin\n${source}`, loader: 'js' };
    });
  },
};

/**
 * Imports of string-width 8 (the top-level copy) get the shim, which measures plain text itself and loads the real
 * string-width only for text it cannot answer; the shim's own import is the real one. Other copies (wrap-ansi's
 * string-width 7) are left alone.
 */
const stringWidthShim = {
  name: 'string-width-shim',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.importer === shim || args.pluginData?.real) return undefined;
      const resolved = await build.resolve('string-width', { kind: args.kind, resolveDir: args.resolveDir, pluginData: { real: true } });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      const topLevel = await build.resolve('string-width', { kind: args.kind, resolveDir: here, pluginData: { real: true } });
      return resolved.path === topLevel.path ? { path: shim } : undefined;
    });
  },
};

export const startupPlugins = [yogaWithoutFetch, stringWidthShim];
