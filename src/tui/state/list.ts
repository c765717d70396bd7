// Cursor and scroll offset of a windowed list, as a pure function of the previous state, the action, the list's
// length and the window's height: the cursor always stays inside the window and inside the list.
export interface ListState {
  cursor: number;
  offset: number;
}

export type ListAction =
  | { type: 'move'; delta: number }
  | { type: 'page'; direction: 1 | -1 }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'reset' }
  /** The length or height changed: clamp. */
  | { type: 'fit' };

export const LIST_START: ListState = { cursor: 0, offset: 0 };

export function listReducer(state: ListState, action: ListAction, length: number, height: number): ListState {
  const rows = Math.max(1, height);
  let cursor = state.cursor;
  let offset = state.offset;
  switch (action.type) {
    case 'move':
      cursor += action.delta;
      break;
    case 'page':
      cursor += action.direction * rows;
      offset += action.direction * rows;
      break;
    case 'home':
      cursor = 0;
      break;
    case 'end':
      cursor = length - 1;
      break;
    case 'reset':
      cursor = 0;
      offset = 0;
      break;
    case 'fit':
      break;
  }
  cursor = Math.max(0, Math.min(cursor, length - 1));
  if (cursor < offset) offset = cursor;
  if (cursor >= offset + rows) offset = cursor - rows + 1;
  offset = Math.max(0, Math.min(offset, Math.max(0, length - rows)));
  if (cursor === state.cursor && offset === state.offset) return state;
  return { cursor, offset };
}

/** The list action a navigation command stands for, if any. */
export function listActionFor(command: string | undefined): ListAction | undefined {
  switch (command) {
    case 'up':
      return { type: 'move', delta: -1 };
    case 'down':
      return { type: 'move', delta: 1 };
    case 'page-up':
      return { type: 'page', direction: -1 };
    case 'page-down':
      return { type: 'page', direction: 1 };
    case 'home':
      return { type: 'home' };
    case 'end':
      return { type: 'end' };
    default:
      return undefined;
  }
}
