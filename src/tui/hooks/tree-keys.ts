// Tree screen keys: expand and collapse, a leaf's Detail, and following an external DocumentRef (asks for a file).
import type { Dispatch } from 'react';
import { Command } from '../keymap.js';
import type { AppAction, AppState } from '../state/app-state.js';
import { documentRefOf, expandedOf, type TreeRow } from '../state/tree-rows.js';

interface TreeContext {
  state: AppState;
  dispatch: Dispatch<AppAction>;
  treeRows: TreeRow[];
  height: number;
  openDetail: (id: string) => void;
}

export function treeKeys(ctx: TreeContext, command: Command): void {
  const { state, dispatch, treeRows: rows } = ctx;
  const cursor = state.tree.list.cursor;
  const row = rows[cursor];
  if (!row) return;
  const { node } = row;
  const expandable = node.children.length > 0;
  const setExpanded = (open: boolean) => {
    const expanded = expandedOf(rows);
    if (open) expanded.add(node.id);
    else expanded.delete(node.id);
    dispatch({ type: 'tree', patch: { expanded, message: undefined } });
  };
  const moveTo = (index: number) =>
    dispatch({ type: 'list', target: 'tree', action: { type: 'move', delta: index - cursor }, length: rows.length, height: ctx.height });
  const detail = () => {
    if (state.view?.detail(node.id)) return ctx.openDetail(node.id);
    dispatch({ type: 'tree', patch: { message: `${node.id} is not an element of this document: it has no Detail` } });
  };
  switch (command) {
    case Command.Expand:
      if (expandable && !row.expanded) return setExpanded(true);
      if (row.expanded) return moveTo(cursor + 1);
      return;
    case Command.Collapse:
      if (row.expanded) return setExpanded(false);
      if (row.parent >= 0) return moveTo(row.parent);
      return;
    case Command.Open:
      if (node.kind === 'external') return dispatch({ type: 'tree', patch: { input: { refId: documentRefOf(node.id), value: '' }, message: undefined } });
      if (expandable) return setExpanded(!row.expanded);
      return detail();
    case Command.Element:
      return detail();
  }
}
