// Licenses screen keys: enter lists the elements naming the license under the cursor, in the Explorer.
import type { Dispatch } from 'react';
import { Command } from '../keymap.js';
import type { AppAction, AppState } from '../state/app-state.js';

export function licensesKeys(ctx: { state: AppState; dispatch: Dispatch<AppAction> }, command: Command): void {
  const { state, dispatch } = ctx;
  const license = state.view?.licenses().licenses[state.licenses.list.cursor];
  if (command !== Command.Open || !license) return;
  // All kinds: a license is named by packages and files alike.
  dispatch({ type: 'explorer', patch: { kind: 'all', query: `license:${license.id}`, editing: false } });
  dispatch({ type: 'screen', screen: 'explorer' });
}
