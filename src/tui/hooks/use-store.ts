// The reducer behind a ref, so a burst of keys (a pasted filter, tmux send-keys) each see the state the previous
// one left, not the state of the last render.
import { useCallback, useRef, useState } from 'react';
import { appReducer, type AppAction, type AppState } from '../state/app-state.js';

export function useStore(initial: () => AppState): [AppState, (action: AppAction) => void, () => AppState] {
  const [state, setState] = useState(initial);
  const store = useRef(state);
  const dispatch = useCallback((action: AppAction) => {
    store.current = appReducer(store.current, action);
    setState(store.current);
  }, []);
  const getState = useCallback(() => store.current, []);
  return [state, dispatch, getState];
}
