// The Ink application: header, the current screen, the status bar; keys go through the keymap to the reducer.
import { Box, Text, useApp, useInput } from 'ink';
import { useEffect, useState } from 'react';
import { Header } from './components/Header.js';
import { OpenStatus } from './components/OpenStatus.js';
import { StatusBar } from './components/StatusBar.js';
import { handleKey, SCREEN_SCOPES } from './hooks/key-handler.js';
import { splitKeys } from './hooks/split-keys.js';
import { useRawInput } from './hooks/use-raw-input.js';
import { useActions } from './hooks/use-actions.js';
import { useStore } from './hooks/use-store.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import type { SbomView, TuiPorts } from './ports.js';
import { AuditScreen, AUDIT_CHROME } from './screens/AuditScreen.js';
import { DetailScreen, DETAIL_CHROME } from './screens/DetailScreen.js';
import { DiffScreen, DIFF_CHROME } from './screens/DiffScreen.js';
import { releaseDiffLines } from './adapters/release-diff.js';
import { detailLines, type DetailLine } from './screens/detail-lines.js';
import { ExplorerScreen, EXPLORER_CHROME } from './screens/ExplorerScreen.js';
import { exportPlan } from './screens/export-plan.js';
import { ExportScreen } from './screens/ExportScreen.js';
import { HelpScreen, helpLines } from './screens/HelpScreen.js';
import { ImagesScreen, IMAGES_CHROME, IMAGES_PANEL, warningRows } from './screens/ImagesScreen.js';
import { imagesShown } from './screens/images-shown.js';
import { LicensesScreen, LICENSES_CHROME } from './screens/LicensesScreen.js';
import { ReleaseScreen } from './screens/ReleaseScreen.js';
import { TreeScreen, treeChrome } from './screens/TreeScreen.js';
import { verificationLines, type VerificationLine } from './screens/verification-lines.js';
import { VerificationScreen, VERIFICATION_CHROME } from './screens/VerificationScreen.js';
import { initialState, openedState, type AppState } from './state/app-state.js';
import { artifactOf, combinedStatus, resultsOf } from './state/artifacts.js';
import { auditMatrix, type AuditMatrix } from './state/audit-matrix.js';
import { demoBanner } from './state/demo-banner.js';
import { listReducer } from './state/list.js';
import { RowFilter } from './state/row-filter.js';
import { treeBuilt, viewTreeRows, type TreeRow } from './state/tree-rows.js';
import { theme } from './theme.js';

export interface AppProps {
  ports: TuiPorts;
  /** What to open first: a file path or a release version; nothing shows the version picker. `opened`: the file's
   * view when it was opened before the app started (the first frame shows it). */
  initial?: { kind: 'file' | 'version'; value: string; opened?: SbomView };
  onExit?: () => void;
}

/** What the document screens show without a document: the file being opened, why the last open failed, or how to load one. */
function NothingLoaded({ state, width }: { state: AppState; width: number }) {
  if (state.opening || state.loadError) {
    return (
      <Box flexDirection="column">
        <OpenStatus opening={state.opening} loadError={state.loadError} width={width} />
        {state.opening ? null : (
          <Text color={theme.dim}>Nothing is loaded: press o on the Release screen (1) to open another file, or verify a release there.</Text>
        )}
      </Box>
    );
  }
  return <Text color={theme.dim}>No document loaded yet: verify a release on the Release screen (1), or press o there to open a file.</Text>;
}

export function App({ ports, initial, onExit }: AppProps) {
  const { exit } = useApp();
  const { columns: width, rows } = useTerminalSize();
  const [state, dispatch, getState] = useStore(() =>
    initial?.opened ? openedState(initial.value, initial.opened) : initialState(initial?.kind === 'file' ? 'explorer' : 'release'),
  );
  const actions = useActions(ports, dispatch, getState);
  const [helpOffset, setHelpOffset] = useState(0);
  const [started, setStarted] = useState(false);
  if (!started) {
    setStarted(true);
    if (initial && !initial.opened) queueMicrotask(() => actions.open(initial.value));
  }

  // A big document's tree takes a while to work out: the Tree says so in a frame first, then builds it.
  const buildTree = state.screen === 'tree' && state.view !== undefined && !treeBuilt(state.view);
  useEffect(() => {
    if (!buildTree || !state.view) return;
    const view = state.view;
    const timer = setTimeout(() => {
      viewTreeRows(view, getState().tree.expanded);
      dispatch({ type: 'tree', patch: {} });
    }, 0);
    return () => clearTimeout(timer);
  }, [buildTree, state.view, dispatch, getState]);

  const banner = demoBanner(state, ports.demo);
  const bodyHeight = Math.max(6, rows - 3 - (banner ? 1 : 0));
  const heights = {
    release: Math.max(1, bodyHeight - 5),
    explorer: bodyHeight - EXPLORER_CHROME,
    detail: bodyHeight - DETAIL_CHROME,
    images: bodyHeight - IMAGES_CHROME - IMAGES_PANEL - warningRows(state.images),
    verification: bodyHeight - VERIFICATION_CHROME,
    audit: bodyHeight - AUDIT_CHROME - auditWarningRows(state),
    licenses: bodyHeight - LICENSES_CHROME,
    tree: bodyHeight - treeChrome(state.tree, width),
    diff: bodyHeight - DIFF_CHROME,
  };
  const derived = derive(state, width);
  const { indices, shownImages, detail, lines, verification, audit, filterProblem, treeRows, diffLines } = derived;

  const quit = () => {
    onExit?.();
    exit();
  };
  const rawInput = useRawInput();
  // Keys can arrive faster than renders: every key is judged against the state the previous key left.
  useInput((chunk, chunkKey) => {
    for (const [input, key] of splitKeys(chunk, chunkKey, rawInput.current)) {
      const now = getState();
      const fresh = derive(now, width);
      handleKey(
        {
          state: now,
          dispatch,
          actions,
          ports,
          exit: quit,
          indices: fresh.indices,
          shownImages: fresh.shownImages,
          lines: fresh.lines,
          verificationLines: fresh.verification,
          auditRows: fresh.audit.rows,
          treeRows: fresh.treeRows,
          diffLines: fresh.diffLines,
          heights,
          width,
          scrollHelp: (d) => {
            // Kept within the help, so that moving back up after End starts moving at once.
            const last = Math.max(0, helpLines().length - bodyHeight + 1);
            setHelpOffset((o) => (d === 'home' ? 0 : d === 'end' ? last : Math.min(last, Math.max(0, o + d))));
          },
        },
        input,
        key,
      );
    }
  });

  // Only a release whose every check passed is ever loaded as 'release'; a file is never called verified.
  const verified = state.provenance?.kind === 'release';
  return (
    <Box flexDirection="column" width={width} height={rows - 1}>
      <Header screen={state.screen} provenance={state.provenance} verified={verified} width={width} />
      {banner ? (
        <Text color={theme.demo} bold wrap="truncate">
          {banner}
        </Text>
      ) : null}
      <Box flexDirection="column" height={bodyHeight} overflowY="hidden">
        {renderScreen(state, {
          ports,
          width,
          bodyHeight,
          indices,
          shownImages,
          lines,
          detail,
          verification,
          audit,
          helpOffset,
          filterProblem,
          treeRows,
          diffLines,
        })}
      </Box>
      <StatusBar
        scopes={state.screen === 'help' ? ['global'] : SCREEN_SCOPES[state.screen]}
        width={width}
        {...(typingNote(state) ? { note: typingNote(state) } : {})}
      />
    </Box>
  );
}

/** While a text field has the keys, the status bar says how to leave it (the keymap's keys type text there). */
function typingNote(state: AppState): string | undefined {
  const filtering = (state.screen === 'explorer' && state.explorer.editing) || (state.screen === 'images' && state.images.editing);
  if (filtering) return 'typing a filter: enter keeps it, esc clears it, ctrl-c quits';
  if (state.screen === 'export' && state.exporter.editing)
    return `type the ${state.exporter.editing.field === 'dir' ? 'folder' : 'file name'}: enter keeps it (empty: the default), esc cancels`;
  if (state.screen === 'diff' && state.diff.input !== undefined) return 'type a second file or release version: enter compares, esc cancels';
  if (state.screen === 'tree' && state.tree.input) {
    const namespace = state.view?.externalRefs.find((r) => r.id === state.tree.input?.refId)?.documentNamespace;
    return `enter opens the file or URL if its SHA-1 matches, esc cancels${namespace ? `; the document's namespace: ${namespace}` : ''}`;
  }
  if (state.screen === 'release' && state.release.phase === 'input') return 'type a version (v1.29.0, stable) or a file path: enter opens it, esc cancels';
  return undefined;
}

const filters = new WeakMap<object, RowFilter>();
const detailCache = new WeakMap<object, { id: string; width: number; detail: ReturnType<SbomView['detail']>; lines: DetailLine[] }>();

const diffCache = new WeakMap<object, { other: object; lines: string[] }>();

/** The comparison's lines, worked out once per pair of documents. */
function diffOf(state: AppState): string[] {
  const { view } = state;
  const other = state.diff.other;
  if (!view || !other) return [];
  const cached = diffCache.get(view);
  if (cached?.other === other.view) return cached.lines;
  const lines = releaseDiffLines(view, other.view, { before: view.source, after: other.label });
  diffCache.set(view, { other: other.view, lines });
  return lines;
}

/** What the screens show, computed from the state (cached per document, so repeated calls are cheap). */
function derive(state: AppState, width: number) {
  const view = state.view;
  let indices: Int32Array = new Int32Array(0);
  let filterProblem: string | undefined;
  if (view) {
    let filter = filters.get(view);
    if (!filter) filters.set(view, (filter = new RowFilter(view.rows, view.licenseFilter)));
    indices = filter.apply(state.explorer.kind, state.explorer.sort, state.explorer.query);
    filterProblem = filter.problem;
  }
  const shownImages = imagesShown(view?.images ?? [], state.images.arch, state.images.query, state.images.multiArch);
  const top = state.detail[state.detail.length - 1];
  let detail: ReturnType<SbomView['detail']>;
  let lines: DetailLine[] = [];
  if (view && top) {
    const cached = detailCache.get(view);
    if (cached && cached.id === top.id && cached.width === width) ({ detail, lines } = cached);
    else {
      detail = view.detail(top.id);
      lines = detail ? detailLines(detail, width) : [];
      detailCache.set(view, { id: top.id, width, detail, lines });
    }
  }
  // Drawn from the live result, so a run under way shows on this screen as it goes.
  const shown = state.verification;
  const verification: VerificationLine[] = shown
    ? verificationLines((shown.kind === 'file' ? state.files.results : state.images.results)[shown.reference], width)
    : [];
  const audit = auditMatrix(state.images.results, state.files.results);
  // The outline is worked out only once the Tree is shown.
  const treeRows: TreeRow[] = view && state.screen === 'tree' && treeBuilt(view) ? viewTreeRows(view, state.tree.expanded) : [];
  return { indices, shownImages, detail, lines, verification, audit, filterProblem, treeRows, diffLines: diffOf(state) };
}

interface Derived {
  ports: TuiPorts;
  width: number;
  bodyHeight: number;
  indices: Int32Array;
  shownImages: ReturnType<typeof imagesShown>;
  lines: ReturnType<typeof detailLines>;
  detail: ReturnType<NonNullable<AppState['view']>['detail']>;
  verification: VerificationLine[];
  audit: AuditMatrix;
  helpOffset: number;
  filterProblem?: string | undefined;
  treeRows: TreeRow[];
  diffLines: string[];
}

/** The Audit view's warning line, when a verification run warned. */
const auditWarningRows = (state: AppState) => (state.files.warnings.length + state.images.warnings.length > 0 ? 1 : 0);

const selectedSets = new WeakMap<readonly string[], Set<string>>();

/** The Explorer's and Detail's view of an element's verification: selected or not, and its status so far. */
function artifactMark(state: AppState, view: SbomView) {
  let selected = selectedSets.get(state.explorer.selected);
  if (!selected) selectedSets.set(state.explorer.selected, (selected = new Set(state.explorer.selected)));
  const chosen = selected;
  return (index: number) => {
    const target = artifactOf(view, index);
    if (!target) return undefined;
    const status = combinedStatus(resultsOf(state, target));
    return { selected: chosen.has(view.rows[index]!.spdxId), ...(status ? { status } : {}) };
  };
}

function renderScreen(state: AppState, d: Derived) {
  const { view } = state;
  switch (state.screen) {
    case 'release':
      return (
        <ReleaseScreen
          state={state.release}
          versions={d.ports.versions}
          provenance={state.provenance}
          summary={view?.summary}
          loadError={state.loadError}
          opening={state.opening}
          width={d.width}
          height={d.bodyHeight}
        />
      );
    case 'explorer':
      return view ? (
        <ExplorerScreen
          state={state.explorer}
          view={view}
          indices={d.indices}
          width={d.width}
          height={d.bodyHeight}
          problem={d.filterProblem}
          markOf={artifactMark(state, view)}
          selectedCount={state.explorer.selected.length}
          verifying={state.files.running || state.images.running}
        />
      ) : (
        <NothingLoaded state={state} width={d.width} />
      );
    case 'detail': {
      const trail = state.detail.map((e) => view?.detail(e.id)?.name ?? e.id);
      const list = state.detail[state.detail.length - 1]?.list ?? { cursor: 0, offset: 0 };
      const top = state.detail[state.detail.length - 1];
      const index = view && top ? view.rows.findIndex((r) => r.spdxId === top.id) : -1;
      const mark = view && index >= 0 ? artifactMark(state, view)(index) : undefined;
      // Opened from the Tree it says so; from anywhere else the element is one of the Explorer's.
      const from = state.detailReturn === 'tree' ? 'Tree' : 'Explorer';
      return (
        <DetailScreen
          detail={d.detail}
          trail={trail}
          lines={d.lines}
          list={list}
          width={d.width}
          height={d.bodyHeight}
          from={from}
          {...(mark ? { verification: mark.status ?? 'none' } : {})}
        />
      );
    }
    case 'images':
      return view ? (
        <ImagesScreen state={state.images} shown={d.shownImages} total={view.images.length} width={d.width} height={d.bodyHeight} />
      ) : (
        <NothingLoaded state={state} width={d.width} />
      );
    case 'verification':
      return state.verification ? (
        <VerificationScreen
          reference={state.verification.reference}
          kind={state.verification.kind ?? 'image'}
          returnTo={state.verification.returnTo ?? 'images'}
          lines={d.verification}
          // A new run shortens the lines under a scrolled window: fit it, or it would show nothing.
          list={listReducer(state.verification.list, { type: 'fit' }, d.verification.length, d.bodyHeight - VERIFICATION_CHROME)}
          width={d.width}
          height={d.bodyHeight}
        />
      ) : null;
    case 'export':
      return view ? (
        <ExportScreen state={state.exporter} plan={exportPlan(state, view.images)} exportDir={d.ports.exportDir} width={d.width} />
      ) : (
        <NothingLoaded state={state} width={d.width} />
      );
    case 'licenses':
      return view ? (
        <LicensesScreen summary={view.licenses()} list={state.licenses.list} width={d.width} height={d.bodyHeight} />
      ) : (
        <NothingLoaded state={state} width={d.width} />
      );
    case 'tree':
      return view ? (
        <TreeScreen state={state.tree} rows={d.treeRows} width={d.width} height={d.bodyHeight} building={!treeBuilt(view)} elements={view.rows.length} />
      ) : (
        <NothingLoaded state={state} width={d.width} />
      );
    case 'diff':
      return view ? (
        <DiffScreen state={state.diff} lines={d.diffLines} width={d.width} height={d.bodyHeight} />
      ) : (
        <NothingLoaded state={state} width={d.width} />
      );
    case 'help':
      return <HelpScreen height={d.bodyHeight} offset={d.helpOffset} />;
    case 'audit':
      return (
        <AuditScreen
          matrix={d.audit}
          warnings={[...state.files.warnings, ...state.images.warnings]}
          running={state.files.running || state.images.running}
          list={listReducer(state.audit.list, { type: 'fit' }, d.audit.rows.length, d.bodyHeight - AUDIT_CHROME - auditWarningRows(state))}
          width={d.width}
          height={d.bodyHeight}
        />
      );
  }
}
