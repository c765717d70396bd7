// The Ink application: header, the current screen, the status bar; keys go through the keymap to the reducer.
import { Box, Text, useApp, useInput } from 'ink';
import { useState } from 'react';
import { Header } from './components/Header.js';
import { OpenStatus } from './components/OpenStatus.js';
import { StatusBar } from './components/StatusBar.js';
import { handleKey, SCREEN_SCOPES } from './hooks/key-handler.js';
import { splitKeys } from './hooks/split-keys.js';
import { useActions } from './hooks/use-actions.js';
import { useStore } from './hooks/use-store.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import type { SbomView, TuiPorts } from './ports.js';
import { DetailScreen, DETAIL_CHROME } from './screens/DetailScreen.js';
import { detailLines, type DetailLine } from './screens/detail-lines.js';
import { ExplorerScreen, EXPLORER_CHROME } from './screens/ExplorerScreen.js';
import { exportPlan } from './screens/export-plan.js';
import { ExportScreen } from './screens/ExportScreen.js';
import { HelpScreen, helpLines } from './screens/HelpScreen.js';
import { ImagesScreen, IMAGES_CHROME, IMAGES_PANEL, warningRows } from './screens/ImagesScreen.js';
import { imagesShown } from './screens/images-shown.js';
import { ReleaseScreen } from './screens/ReleaseScreen.js';
import { verificationLines, type VerificationLine } from './screens/verification-lines.js';
import { VerificationScreen, VERIFICATION_CHROME } from './screens/VerificationScreen.js';
import { initialState, openedState, type AppState } from './state/app-state.js';
import { demoBanner } from './state/demo-banner.js';
import { listReducer } from './state/list.js';
import { RowFilter } from './state/row-filter.js';
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

  const banner = demoBanner(state, ports.demo);
  const bodyHeight = Math.max(6, rows - 3 - (banner ? 1 : 0));
  const heights = {
    release: Math.max(1, bodyHeight - 5),
    explorer: bodyHeight - EXPLORER_CHROME,
    detail: bodyHeight - DETAIL_CHROME,
    images: bodyHeight - IMAGES_CHROME - IMAGES_PANEL - warningRows(state.images),
    verification: bodyHeight - VERIFICATION_CHROME,
  };
  const derived = derive(state, width);
  const { indices, shownImages, detail, lines, verification } = derived;

  const quit = () => {
    onExit?.();
    exit();
  };
  // Keys can arrive faster than renders: every key is judged against the state the previous key left.
  useInput((chunk, chunkKey) => {
    for (const [input, key] of splitKeys(chunk, chunkKey)) {
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
        {renderScreen(state, { ports, width, bodyHeight, indices, shownImages, lines, detail, verification, helpOffset })}
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
  if (state.screen === 'release' && state.release.phase === 'input') return 'type a version (v1.29.0, stable) or a file path: enter opens it, esc cancels';
  return undefined;
}

const filters = new WeakMap<object, RowFilter>();
const detailCache = new WeakMap<object, { id: string; width: number; detail: ReturnType<SbomView['detail']>; lines: DetailLine[] }>();

/** What the screens show, computed from the state (cached per document, so repeated calls are cheap). */
function derive(state: AppState, width: number) {
  const view = state.view;
  let indices: Int32Array = new Int32Array(0);
  if (view) {
    let filter = filters.get(view);
    if (!filter) filters.set(view, (filter = new RowFilter(view.rows)));
    indices = filter.apply(state.explorer.kind, state.explorer.sort, state.explorer.query);
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
  const verification: VerificationLine[] = state.verification ? verificationLines(state.images.results[state.verification.reference], width) : [];
  return { indices, shownImages, detail, lines, verification };
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
  helpOffset: number;
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
        <ExplorerScreen state={state.explorer} view={view} indices={d.indices} width={d.width} height={d.bodyHeight} />
      ) : (
        <NothingLoaded state={state} width={d.width} />
      );
    case 'detail': {
      const trail = state.detail.map((e) => view?.detail(e.id)?.name ?? e.id);
      const list = state.detail[state.detail.length - 1]?.list ?? { cursor: 0, offset: 0 };
      return <DetailScreen detail={d.detail} trail={trail} lines={d.lines} list={list} width={d.width} height={d.bodyHeight} />;
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
          lines={d.verification}
          // A new run shortens the lines under a scrolled window: fit it, or it would show nothing.
          list={listReducer(state.verification.list, { type: 'fit' }, d.verification.length, d.bodyHeight - VERIFICATION_CHROME)}
          width={d.width}
          height={d.bodyHeight}
        />
      ) : null;
    case 'export':
      return view ? (
        <ExportScreen state={state.exporter} plan={exportPlan(state, view.images)} width={d.width} />
      ) : (
        <NothingLoaded state={state} width={d.width} />
      );
    case 'help':
      return <HelpScreen height={d.bodyHeight} offset={d.helpOffset} />;
  }
}
