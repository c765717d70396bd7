// What each key does on each screen: text fields first (only ctrl-c overrides them), then the keymap's commands.
import type { Key } from 'ink';
import type { Dispatch } from 'react';
import { Command, commandFor, type Scope } from '../keymap.js';
import { artifactOf, splitTargets, type ArtifactTarget } from '../state/artifacts.js';
import type { AuditRow } from '../state/audit-matrix.js';
import type { ImageRow, TuiPorts } from '../ports.js';
import { MAIN_SCREENS, type AppAction, type AppState, type ListTarget } from '../state/app-state.js';
import { listActionFor } from '../state/list.js';
import { KIND_FILTERS, SORTS, nextOf } from '../state/row-filter.js';
import { detailLines, firstLinkIndex, type DetailLine } from '../screens/detail-lines.js';
import { architectures, platformReferences } from '../screens/images-shown.js';
import type { VerificationLine } from '../screens/verification-lines.js';
import { EXPORT_FORMATS } from '../ports.js';
import type { Actions } from './use-actions.js';
import { editText } from './text-input.js';
import { licensesKeys } from './licenses-keys.js';
import { treeKeys } from './tree-keys.js';
import type { TreeRow } from '../state/tree-rows.js';

export const SCREEN_SCOPES: Record<AppState['screen'], Scope[]> = {
  release: ['global', 'release', 'list'],
  explorer: ['global', 'explorer', 'list'],
  detail: ['global', 'detail', 'list'],
  images: ['global', 'images', 'list'],
  verification: ['global', 'verification', 'list'],
  export: ['global', 'export'],
  help: ['global', 'detail', 'list'],
  audit: ['global', 'audit', 'list'],
  licenses: ['global', 'licenses', 'list'],
  tree: ['global', 'tree', 'list'],
  diff: ['global', 'diff', 'list'],
};

export interface KeyContext {
  state: AppState;
  dispatch: Dispatch<AppAction>;
  actions: Actions;
  ports: TuiPorts;
  exit: () => void;
  indices: Int32Array;
  shownImages: ImageRow[];
  lines: DetailLine[];
  verificationLines: VerificationLine[];
  auditRows: AuditRow[];
  treeRows: TreeRow[];
  diffLines: string[];
  /** Visible rows of the list on each screen. */
  heights: Record<ListTarget, number>;
  width: number;
  scrollHelp: (delta: number | 'home' | 'end') => void;
}

export function handleKey(ctx: KeyContext, input: string, key: Key): void {
  const { state, dispatch, actions } = ctx;
  if (commandFor(['global'], input, key) === Command.ForceQuit) return ctx.exit();
  if (textField(ctx, input, key)) return;
  const command = commandFor(SCREEN_SCOPES[state.screen], input, key);
  if (command === undefined) return;
  switch (command) {
    case Command.Quit:
      return ctx.exit();
    case Command.Help:
      return dispatch({ type: 'screen', screen: state.screen === 'help' ? state.helpReturn : 'help' });
    case Command.Release:
      return dispatch({ type: 'screen', screen: 'release' });
    case Command.Explorer:
      return dispatch({ type: 'screen', screen: 'explorer' });
    case Command.Images:
      return dispatch({ type: 'screen', screen: 'images' });
    case Command.Export:
      return dispatch({ type: 'screen', screen: 'export' });
    case Command.Audit:
      return dispatch({ type: 'screen', screen: 'audit' });
    case Command.Licenses:
      return dispatch({ type: 'screen', screen: 'licenses' });
    case Command.Tree:
      return dispatch({ type: 'screen', screen: 'tree' });
    case Command.Diff:
      return dispatch({ type: 'screen', screen: 'diff' });
    case Command.NextScreen:
    case Command.PrevScreen: {
      const current =
        state.screen === 'detail' || state.screen === 'help'
          ? 'explorer'
          : state.screen === 'verification'
            ? (state.verification?.returnTo ?? 'images')
            : state.screen;
      const order = command === Command.NextScreen ? MAIN_SCREENS : [...MAIN_SCREENS].reverse();
      return dispatch({ type: 'screen', screen: nextOf(order, current) });
    }
  }
  if (state.screen === 'help') return helpKeys(ctx, command);
  const listAction = listActionFor(command);
  const target: ListTarget | undefined = state.screen === 'export' ? undefined : (state.screen as ListTarget);
  if (listAction && target) {
    const length = {
      release: ctx.ports.versions.length,
      explorer: ctx.indices.length,
      detail: ctx.lines.length,
      images: ctx.shownImages.length,
      verification: ctx.verificationLines.length,
      audit: ctx.auditRows.length,
      licenses: state.view?.licenses().licenses.length ?? 0,
      tree: ctx.treeRows.length,
      diff: ctx.diffLines.length,
    }[target];
    return dispatch({ type: 'list', target, action: listAction, length, height: ctx.heights[target] });
  }
  switch (state.screen) {
    case 'release':
      if (command === Command.Filter) return dispatch({ type: 'release', patch: { phase: 'input' } });
      if (command === Command.Open && state.release.phase === 'pick' && state.provenance?.kind !== 'file') {
        const version = ctx.ports.versions[state.release.list.cursor];
        if (version) actions.verifyRelease(version);
      }
      return;
    case 'explorer':
      return explorerKeys(ctx, command);
    case 'detail':
      return detailKeys(ctx, command);
    case 'images':
      return imagesKeys(ctx, command);
    case 'verification':
      return verificationKeys(ctx, command);
    case 'export':
      return exportKeys(ctx, command);
    case 'audit':
      return auditKeys(ctx, command);
    case 'licenses':
      return licensesKeys(ctx, command);
    case 'diff':
      if (command === Command.Filter) dispatch({ type: 'diff', patch: { input: '', error: undefined } });
      return;
    case 'tree':
      return treeKeys({ ...ctx, height: ctx.heights.tree, openDetail: (id) => openDetail(ctx, id) }, command);
  }
}

/** Typing into the `/` filters and the version/file field. Returns true when the key was taken. */
function textField({ state, dispatch, actions }: KeyContext, input: string, key: Key): boolean {
  if (state.screen === 'explorer' && state.explorer.editing) {
    const r = editText(state.explorer.query, input, key);
    dispatch({ type: 'explorer', patch: r.kind === 'edit' ? { query: r.value } : r.kind === 'cancel' ? { query: '', editing: false } : { editing: false } });
    return true;
  }
  if (state.screen === 'images' && state.images.editing) {
    const r = editText(state.images.query, input, key);
    dispatch({ type: 'images', patch: r.kind === 'edit' ? { query: r.value } : r.kind === 'cancel' ? { query: '', editing: false } : { editing: false } });
    return true;
  }
  if (state.screen === 'export' && state.exporter.editing) {
    const { field, value } = state.exporter.editing;
    const r = editText(value, input, key);
    if (r.kind === 'edit') dispatch({ type: 'exporter', patch: { editing: { field, value: r.value } } });
    else if (r.kind === 'cancel') dispatch({ type: 'exporter', patch: { editing: undefined } });
    else dispatch({ type: 'exporter', patch: { editing: undefined, [field]: r.value.trim() || undefined, result: undefined } });
    return true;
  }
  if (state.screen === 'diff' && state.diff.input !== undefined) {
    const r = editText(state.diff.input, input, key);
    if (r.kind === 'edit') dispatch({ type: 'diff', patch: { input: r.value } });
    else if (r.kind === 'cancel') dispatch({ type: 'diff', patch: { input: undefined } });
    else if (r.value.trim()) actions.compare(r.value.trim());
    return true;
  }
  if (state.screen === 'tree' && state.tree.input) {
    const { refId, value } = state.tree.input;
    const r = editText(value, input, key);
    if (r.kind === 'edit') dispatch({ type: 'tree', patch: { input: { refId, value: r.value } } });
    else if (r.kind === 'cancel') dispatch({ type: 'tree', patch: { input: undefined } });
    else if (r.value.trim()) actions.openReference(refId, r.value.trim());
    return true;
  }
  if (state.screen === 'release' && state.release.phase === 'input') {
    const r = editText(state.release.input, input, key);
    if (r.kind === 'edit') dispatch({ type: 'release', patch: { input: r.value } });
    else if (r.kind === 'cancel') dispatch({ type: 'release', patch: { phase: 'pick', input: '' } });
    else if (r.value.trim()) actions.open(r.value);
    return true;
  }
  return false;
}

function openDetail(ctx: KeyContext, id: string): void {
  const detail = ctx.state.view?.detail(id);
  if (!detail) return;
  const lines = detailLines(detail, ctx.width);
  ctx.dispatch({ type: 'detail-open', id, cursor: firstLinkIndex(lines, ctx.heights.detail), length: lines.length, height: ctx.heights.detail });
}

/** Verifies release artifacts the way each is verified: files through the release's files, images as on the Images screen. */
function verifyTargets(ctx: KeyContext, targets: ArtifactTarget[]): void {
  const { paths, references } = splitTargets(targets);
  if (paths.length > 0) ctx.actions.verifyFiles(paths);
  if (references.length > 0) ctx.actions.verifyImages(references);
}

function explorerKeys(ctx: KeyContext, command: Command): void {
  const { state, dispatch } = ctx;
  const view = state.view;
  const cursorIndex = ctx.indices[state.explorer.list.cursor];
  if (command === Command.Toggle && view) {
    if (cursorIndex !== undefined && artifactOf(view, cursorIndex)) {
      const id = view.rows[cursorIndex]!.spdxId;
      const selected = state.explorer.selected;
      dispatch({ type: 'explorer-select', ids: selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id] });
    }
    return dispatch({ type: 'list', target: 'explorer', action: { type: 'move', delta: 1 }, length: ctx.indices.length, height: ctx.heights.explorer });
  }
  if (command === Command.SelectAll && view) {
    const shown: string[] = [];
    for (const index of ctx.indices) if (artifactOf(view, index)) shown.push(view.rows[index]!.spdxId);
    const chosen = new Set(state.explorer.selected);
    return dispatch({ type: 'explorer-select', ids: shown.length > 0 && shown.every((id) => chosen.has(id)) ? [] : shown });
  }
  if (command === Command.VerifyAll && view) {
    const targets: ArtifactTarget[] = [];
    for (const index of ctx.indices) {
      const target = artifactOf(view, index);
      if (target) targets.push(target);
    }
    return verifyTargets(ctx, targets);
  }
  if (command === Command.Verify && view) {
    const chosen = new Set(state.explorer.selected);
    const selected: number[] = [];
    if (chosen.size > 0) view.rows.forEach((r, i) => chosen.has(r.spdxId) && selected.push(i));
    const picked = selected.length > 0 ? selected : cursorIndex !== undefined ? [cursorIndex] : [];
    return verifyTargets(
      ctx,
      picked.map((i) => artifactOf(view, i)).filter((t): t is ArtifactTarget => t !== undefined),
    );
  }
  if (command === Command.Filter) return dispatch({ type: 'explorer', patch: { editing: true } });
  if (command === Command.Kind) return dispatch({ type: 'explorer', patch: { kind: nextOf(KIND_FILTERS, state.explorer.kind) } });
  if (command === Command.Sort) return dispatch({ type: 'explorer', patch: { sort: nextOf(SORTS, state.explorer.sort) } });
  if (command === Command.Open && state.view) {
    const index = ctx.indices[state.explorer.list.cursor];
    if (index !== undefined) openDetail(ctx, state.view.rows[index]!.spdxId);
  }
}

function detailKeys(ctx: KeyContext, command: Command): void {
  if (command === Command.Back) return ctx.dispatch({ type: 'detail-back' });
  const top = ctx.state.detail[ctx.state.detail.length - 1];
  if (command === Command.Verify && top && ctx.state.view) {
    const index = ctx.state.view.rows.findIndex((r) => r.spdxId === top.id);
    const target = index >= 0 ? artifactOf(ctx.state.view, index) : undefined;
    if (target) verifyTargets(ctx, [target]);
    return;
  }
  const line = top ? ctx.lines[top.list.cursor] : undefined;
  if (command === Command.Open && line?.kind === 'link' && line.link.navigable) openDetail(ctx, line.link.id);
}

function helpKeys(ctx: KeyContext, command: Command): void {
  if (command === Command.Back) return ctx.dispatch({ type: 'screen', screen: ctx.state.helpReturn });
  const action = listActionFor(command);
  if (!action) return;
  if (action.type === 'move') ctx.scrollHelp(action.delta);
  if (action.type === 'page') ctx.scrollHelp(action.direction * 10);
  if (action.type === 'home') ctx.scrollHelp('home');
  if (action.type === 'end') ctx.scrollHelp('end');
}

function imagesKeys(ctx: KeyContext, command: Command): void {
  const { state, dispatch, shownImages } = ctx;
  const current = shownImages[state.images.list.cursor];
  const allImages = state.view?.images ?? [];
  switch (command) {
    case Command.Filter:
      return dispatch({ type: 'images', patch: { editing: true } });
    case Command.Arch:
      return dispatch({ type: 'images', patch: { arch: nextOf(architectures(allImages), state.images.arch) } });
    case Command.MultiArch:
      return dispatch({ type: 'images', patch: { multiArch: !state.images.multiArch } });
    case Command.Toggle:
      if (current?.platforms) {
        // A multi-arch row selects (or unselects) every architecture it folds.
        const all = current.platforms.every((r) => state.images.selected.includes(r));
        const rest = state.images.selected.filter((r) => !current.platforms!.includes(r));
        dispatch({ type: 'select', references: all ? rest : [...rest, ...current.platforms] });
      } else if (current) dispatch({ type: 'toggle', reference: current.reference });
      return dispatch({ type: 'list', target: 'images', action: { type: 'move', delta: 1 }, length: shownImages.length, height: ctx.heights.images });
    case Command.SelectAll: {
      const shown = platformReferences(shownImages);
      const all = shown.every((r) => state.images.selected.includes(r));
      return dispatch({ type: 'select', references: all ? [] : shown });
    }
    case Command.Verify: {
      const selected = state.images.selected.filter((r) => allImages.some((i) => i.reference === r));
      return ctx.actions.verifyImages(selected.length > 0 ? selected : current ? platformReferences([current]) : []);
    }
    case Command.VerifyAll:
      return ctx.actions.verifyImages(platformReferences(shownImages));
    case Command.Open: {
      // A multi-arch row opens the first architecture that did not verify (or its first).
      const open = current?.platforms?.find((r) => state.images.results[r]?.status !== 'verified') ?? current?.platforms?.[0] ?? current?.reference;
      if (open) dispatch({ type: 'verification-open', reference: open });
      return;
    }
    case Command.Element:
      if (current) openDetail(ctx, current.spdxId);
      return;
  }
}

function verificationKeys(ctx: KeyContext, command: Command): void {
  const shown = ctx.state.verification;
  if (command === Command.Back) return ctx.dispatch({ type: 'screen', screen: shown?.returnTo ?? 'images' });
  if (!shown) return;
  const { reference } = shown;
  if (shown.kind === 'file') {
    if (command === Command.Verify) return ctx.actions.verifyFiles([reference]);
    const row = ctx.state.view?.rows.find((r) => (r.kind === 'binary' || r.kind === 'file') && r.name.replace(/^\.\//, '') === reference);
    if (command === Command.Element && row) openDetail(ctx, row.spdxId);
    return;
  }
  if (command === Command.Verify) return ctx.actions.verifyImages([reference]);
  const image = ctx.state.view?.images.find((i) => i.reference === reference);
  if (command === Command.Element && image) openDetail(ctx, image.spdxId);
}

function auditKeys(ctx: KeyContext, command: Command): void {
  const row = ctx.auditRows[ctx.state.audit.list.cursor];
  if (!row) return;
  if (command === Command.Open) return ctx.dispatch({ type: 'verification-open', reference: row.name, kind: row.kind, returnTo: 'audit' });
  if (command === Command.Verify) return row.kind === 'file' ? ctx.actions.verifyFiles([row.name]) : ctx.actions.verifyImages([row.name]);
}

function exportKeys(ctx: KeyContext, command: Command): void {
  const { exporter } = ctx.state;
  const patch = (p: Partial<AppState['exporter']>) => ctx.dispatch({ type: 'exporter', patch: { ...p, result: undefined } });
  switch (command) {
    case Command.Content:
      return patch({ content: exporter.content === 'images' ? 'report' : 'images', format: exporter.content === 'images' ? 'json' : exporter.format });
    case Command.Format:
      return patch({ format: exporter.content === 'report' ? (exporter.format === 'json' ? 'txt' : 'json') : nextOf(EXPORT_FORMATS, exporter.format) });
    case Command.Pinned:
      return patch({ pinned: !exporter.pinned });
    case Command.Folder:
      return patch({ editing: { field: 'dir', value: exporter.dir ?? '' } });
    case Command.FileName:
      return patch({ editing: { field: 'name', value: exporter.name ?? '' } });
    case Command.MultiArch:
      return patch({ multiArch: !exporter.multiArch });
    case Command.Write:
      return ctx.actions.exportNow();
  }
}
