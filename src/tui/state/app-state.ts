// The whole UI state and its pure reducer. Screens render from it; key handlers and use-case events dispatch to it.
import type { CheckRow, ExportFormat, FileResult, ImageResult, ReleaseEvent, ReleaseOutcome, SbomView } from '../ports.js';
import { LIST_START, listReducer, type ListAction, type ListState } from './list.js';
import type { KindFilter, SortOrder } from './row-filter.js';

export type Screen = 'release' | 'explorer' | 'detail' | 'images' | 'verification' | 'export' | 'help' | 'audit' | 'licenses' | 'tree' | 'diff';
/** The screens tab and shift-tab cycle through, in this order (detail, verification and help are reached from them). */
export const MAIN_SCREENS: readonly Screen[] = ['release', 'explorer', 'images', 'audit', 'licenses', 'tree', 'diff', 'export'];

export interface DownloadRow {
  label: string;
  bytesDone: number;
  totalBytes?: number;
  bytesPerSecond: number;
  done: boolean;
  retry?: string;
}

export interface ReleaseState {
  phase: 'pick' | 'input' | 'running' | 'done';
  list: ListState;
  input: string;
  version?: string;
  stage?: string;
  downloads: DownloadRow[];
  checks: CheckRow[];
  /** Kept until the next run: a warning must stay readable after the checks finish. */
  warnings: string[];
  verified?: boolean;
  error?: string;
}

/** How much the loaded document can be trusted: shown in the header at all times. */
export type Provenance = { kind: 'release'; version: string } | { kind: 'file'; path: string };

export interface ImagesState {
  arch: string;
  query: string;
  editing: boolean;
  list: ListState;
  selected: string[];
  results: Record<string, ImageResult>;
  running: boolean;
  /** What the last verification run warned about (e.g. the trusted root it fell back to). */
  warnings: string[];
  /** Rows are multi-arch references folding the per-architecture images (m). */
  multiArch?: boolean;
}

/** Release binaries and archives verified this run, by path as the SBOM names it. */
export interface FilesState {
  results: Record<string, FileResult>;
  running: boolean;
  warnings: string[];
}

export interface ExportState {
  content: 'images' | 'report';
  format: ExportFormat;
  pinned: boolean;
  /** The list names multi-arch references (m). */
  multiArch?: boolean;
  busy: boolean;
  result?: { ok: true; path: string; count: number } | { ok: false; message: string };
  /** The folder and file name the user chose (unset: the export folder and the format's own name). */
  dir?: string;
  name?: string;
  /** The folder or name being typed. */
  editing?: { field: 'dir' | 'name'; value: string };
}

export interface TreeState {
  list: ListState;
  /** Ids of the expanded nodes; unset: only the document's root is. */
  expanded?: ReadonlySet<string>;
  /** The file path being typed for an external document reference. */
  input?: { refId: string; value: string };
  /** What following a reference came to (opened, refused and why). */
  message?: string;
}

export interface DiffState {
  list: ListState;
  /** The second file or version being typed. */
  input?: string;
  /** The document compared with the loaded one. */
  other?: { label: string; view: SbomView };
  /** What is being loaded to compare with. */
  busy?: string;
  error?: string;
}

export interface AppState {
  screen: Screen;
  helpReturn: Screen;
  view?: SbomView;
  provenance?: Provenance;
  loadError?: string;
  /** A file being opened (read and parsed); the screens that need a document say so meanwhile. */
  opening?: string;
  release: ReleaseState;
  /** `selected`: SPDXIDs of the elements picked with space or `*` (the artifacts among them are verified with v). */
  explorer: { kind: KindFilter; sort: SortOrder; query: string; editing: boolean; list: ListState; selected: string[] };
  detail: Array<{ id: string; list: ListState }>;
  /** Where backing out of the last Detail returns to. */
  detailReturn: Screen;
  images: ImagesState;
  /** The image (or, `kind` file, the release file) whose verification the Verification screen shows; esc returns to `returnTo`. */
  verification?: { reference: string; list: ListState; kind?: 'image' | 'file'; returnTo?: Screen };
  files: FilesState;
  audit: { list: ListState };
  exporter: ExportState;
  licenses: { list: ListState };
  tree: TreeState;
  diff: DiffState;
}

export type ListTarget = 'release' | 'explorer' | 'detail' | 'images' | 'verification' | 'audit' | 'licenses' | 'tree' | 'diff';

export type AppAction =
  | { type: 'screen'; screen: Screen }
  | { type: 'loaded'; view: SbomView; provenance: Provenance }
  | { type: 'open-start'; path: string }
  | { type: 'load-failed'; message: string }
  | { type: 'list'; target: ListTarget; action: ListAction; length: number; height: number }
  | { type: 'release'; patch: Partial<Pick<ReleaseState, 'phase' | 'input'>> }
  | { type: 'release-start'; version: string }
  | { type: 'release-event'; event: ReleaseEvent }
  | { type: 'release-done'; outcome: ReleaseOutcome }
  | { type: 'release-error'; message: string }
  | { type: 'explorer'; patch: Partial<AppState['explorer']> }
  | { type: 'detail-open'; id: string; cursor: number; length: number; height: number }
  | { type: 'detail-back' }
  | { type: 'verification-open'; reference: string; kind?: 'image' | 'file'; returnTo?: Screen }
  | { type: 'explorer-select'; ids: string[] }
  | { type: 'files-start'; paths: string[] }
  | { type: 'file-result'; result: FileResult }
  | { type: 'files-warning'; message: string }
  | { type: 'files-done' }
  | { type: 'images'; patch: Partial<Pick<ImagesState, 'arch' | 'query' | 'editing' | 'multiArch'>> }
  | { type: 'toggle'; reference: string }
  | { type: 'select'; references: string[] }
  | { type: 'verify-start'; references: string[] }
  | { type: 'image-result'; result: ImageResult }
  | { type: 'images-warning'; message: string }
  | { type: 'verify-done' }
  | { type: 'exporter'; patch: Partial<ExportState> }
  | { type: 'tree'; patch: Partial<TreeState> }
  | { type: 'diff'; patch: Partial<DiffState> };

export function initialState(screen: Screen = 'release'): AppState {
  return {
    screen,
    helpReturn: screen,
    release: { phase: 'pick', list: LIST_START, input: '', downloads: [], checks: [], warnings: [] },
    explorer: { kind: 'all', sort: 'document', query: '', editing: false, list: LIST_START, selected: [] },
    detail: [],
    detailReturn: 'explorer',
    images: { arch: 'all', query: '', editing: false, list: LIST_START, selected: [], results: {}, running: false, warnings: [] },
    exporter: { content: 'images', format: 'txt', pinned: false, busy: false },
    files: { results: {}, running: false, warnings: [] },
    audit: { list: LIST_START },
    licenses: { list: LIST_START },
    tree: { list: LIST_START },
    diff: { list: LIST_START },
  };
}

/** The state once a file is open, as the open action leaves it: the document in the Explorer. */
export function openedState(path: string, view: SbomView): AppState {
  return appReducer(initialState('explorer'), { type: 'loaded', view, provenance: { kind: 'file', path } });
}

export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'screen':
      if (action.screen === 'help') return { ...state, screen: 'help', helpReturn: state.screen === 'help' ? state.helpReturn : state.screen };
      if (action.screen === 'verification' && !state.verification) return { ...state, screen: 'images' };
      return { ...state, screen: action.screen === 'detail' && state.detail.length === 0 ? 'explorer' : action.screen };
    case 'loaded':
      // A new document: nothing learned about the previous one (selection, verification results) carries over.
      return {
        ...state,
        view: action.view,
        provenance: action.provenance,
        loadError: undefined,
        opening: undefined,
        explorer: { ...state.explorer, list: LIST_START, selected: [] },
        detail: [],
        images: { ...initialState().images },
        files: initialState().files,
        audit: { list: LIST_START },
        verification: undefined,
        screen: state.screen === 'verification' ? 'images' : state.screen,
        exporter: { ...state.exporter, result: undefined },
        licenses: { list: LIST_START },
        tree: { list: LIST_START },
        // The document compared with stays: the new one is compared with it.
        diff: { ...state.diff, list: LIST_START },
      };
    case 'open-start':
      return { ...state, opening: action.path, loadError: undefined };
    case 'load-failed':
      return { ...state, loadError: action.message, opening: undefined };
    case 'list':
      return withList(state, action.target, (list) => listReducer(list, action.action, action.length, action.height));
    case 'release':
      return { ...state, release: { ...state.release, ...action.patch } };
    case 'release-start':
      // A release started while a file opens replaces that open (useActions drops its result).
      return {
        ...state,
        opening: undefined,
        release: {
          ...state.release,
          phase: 'running',
          version: action.version,
          stage: undefined,
          downloads: [],
          checks: [],
          warnings: [],
          verified: undefined,
          error: undefined,
        },
      };
    case 'release-event':
      return { ...state, release: releaseEvent(state.release, action.event) };
    case 'release-done':
      return {
        ...state,
        release: {
          ...state.release,
          phase: 'done',
          version: action.outcome.version,
          checks: action.outcome.checks,
          verified: action.outcome.verified,
          stage: undefined,
        },
      };
    case 'release-error':
      return { ...state, release: { ...state.release, phase: 'done', verified: false, error: action.message, stage: undefined } };
    case 'explorer': {
      const next = { ...state.explorer, ...action.patch };
      const refilter = next.kind !== state.explorer.kind || next.sort !== state.explorer.sort || next.query !== state.explorer.query;
      return { ...state, explorer: refilter ? { ...next, list: LIST_START } : next };
    }
    case 'detail-open': {
      const list = listReducer({ cursor: action.cursor, offset: 0 }, { type: 'fit' }, action.length, action.height);
      const detailReturn = state.screen === 'detail' ? state.detailReturn : state.screen;
      return { ...state, screen: 'detail', detailReturn, detail: [...state.detail, { id: action.id, list }] };
    }
    case 'detail-back': {
      const detail = state.detail.slice(0, -1);
      return { ...state, detail, screen: detail.length === 0 ? state.detailReturn : 'detail' };
    }
    case 'verification-open':
      return {
        ...state,
        screen: 'verification',
        verification: {
          reference: action.reference,
          list: LIST_START,
          ...(action.kind ? { kind: action.kind } : {}),
          ...(action.returnTo ? { returnTo: action.returnTo } : {}),
        },
      };
    case 'explorer-select':
      return { ...state, explorer: { ...state.explorer, selected: action.ids } };
    case 'files-start': {
      // As for images: earlier results for these files are dropped, not kept green while the new run goes.
      const results = { ...state.files.results };
      for (const path of action.paths) results[path] = { reference: path, status: 'pending', checks: [] };
      return { ...state, files: { results, running: true, warnings: [] } };
    }
    case 'file-result':
      return { ...state, files: { ...state.files, results: { ...state.files.results, [action.result.reference]: action.result } } };
    case 'files-warning':
      return { ...state, files: { ...state.files, warnings: [...state.files.warnings, action.message] } };
    case 'files-done':
      return { ...state, files: { ...state.files, running: false } };
    case 'images': {
      const next = { ...state.images, ...action.patch };
      const refilter = next.arch !== state.images.arch || next.query !== state.images.query || next.multiArch !== state.images.multiArch;
      return { ...state, images: refilter ? { ...next, list: LIST_START } : next };
    }
    case 'toggle': {
      const selected = state.images.selected.includes(action.reference)
        ? state.images.selected.filter((r) => r !== action.reference)
        : [...state.images.selected, action.reference];
      return { ...state, images: { ...state.images, selected } };
    }
    case 'select':
      return { ...state, images: { ...state.images, selected: action.references } };
    case 'verify-start': {
      // Earlier results for these images are dropped, not kept green while the new run goes.
      const results = { ...state.images.results };
      for (const reference of action.references) results[reference] = { reference, status: 'pending', checks: [] };
      return { ...state, images: { ...state.images, results, running: true, warnings: [] } };
    }
    case 'image-result':
      return { ...state, images: { ...state.images, results: { ...state.images.results, [action.result.reference]: action.result } } };
    case 'images-warning':
      return { ...state, images: { ...state.images, warnings: [...state.images.warnings, action.message] } };
    case 'verify-done':
      return { ...state, images: { ...state.images, running: false } };
    case 'exporter':
      return { ...state, exporter: { ...state.exporter, ...action.patch } };
    case 'tree':
      return { ...state, tree: { ...state.tree, ...action.patch } };
    case 'diff':
      return { ...state, diff: { ...state.diff, ...action.patch } };
  }
}

function withList(state: AppState, target: ListTarget, update: (list: ListState) => ListState): AppState {
  switch (target) {
    case 'release':
      return { ...state, release: { ...state.release, list: update(state.release.list) } };
    case 'explorer':
      return { ...state, explorer: { ...state.explorer, list: update(state.explorer.list) } };
    case 'images':
      return { ...state, images: { ...state.images, list: update(state.images.list) } };
    case 'verification':
      return state.verification ? { ...state, verification: { ...state.verification, list: update(state.verification.list) } } : state;
    case 'audit':
      return { ...state, audit: { list: update(state.audit.list) } };
    case 'licenses':
      return { ...state, licenses: { list: update(state.licenses.list) } };
    case 'tree':
      return { ...state, tree: { ...state.tree, list: update(state.tree.list) } };
    case 'diff':
      return { ...state, diff: { ...state.diff, list: update(state.diff.list) } };
    case 'detail': {
      const top = state.detail[state.detail.length - 1];
      if (!top) return state;
      return { ...state, detail: [...state.detail.slice(0, -1), { ...top, list: update(top.list) }] };
    }
  }
}

function releaseEvent(release: ReleaseState, event: ReleaseEvent): ReleaseState {
  switch (event.type) {
    case 'stage':
      return { ...release, stage: event.message };
    case 'warning':
      return { ...release, warnings: [...release.warnings, event.message] };
    case 'check':
      return { ...release, checks: [...release.checks.filter((c) => c.id !== event.check.id), event.check] };
    case 'retry':
      return { ...release, downloads: upsert(release.downloads, event.label, (d) => ({ ...d, retry: event.reason })) };
    case 'download':
      return {
        ...release,
        downloads: upsert(release.downloads, event.label, () => ({
          label: event.label,
          bytesDone: event.bytesDone,
          bytesPerSecond: event.bytesPerSecond,
          done: event.done,
          ...(event.totalBytes !== undefined ? { totalBytes: event.totalBytes } : {}),
        })),
      };
  }
}

function upsert(rows: DownloadRow[], label: string, update: (row: DownloadRow) => DownloadRow): DownloadRow[] {
  const existing = rows.find((r) => r.label === label) ?? { label, bytesDone: 0, bytesPerSecond: 0, done: false };
  const next = update(existing);
  return rows.some((r) => r.label === label) ? rows.map((r) => (r.label === label ? next : r)) : [...rows, next];
}
