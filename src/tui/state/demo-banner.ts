// The demo banner belongs to the demo's document: a document opened later is the user's and is shown as such.
import type { TuiPorts } from '../ports.js';
import type { AppState } from './app-state.js';

/** The banner while the demo's document is loaded, or, with nothing loaded, while the demo release is the one at hand. */
export function demoBanner(state: AppState, demo: TuiPorts['demo']): string | undefined {
  if (!demo) return undefined;
  if (state.view) return state.view.demo ? demo.banner : undefined;
  const otherAttempt = state.opening !== undefined || (state.release.version !== undefined && state.release.version !== demo.version);
  return otherAttempt ? undefined : demo.banner;
}
