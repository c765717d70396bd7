// The long-running work the UI starts (open, verify, export), through the ports; results and progress become
// reducer actions. A newer run makes the events of an older one irrelevant, so they are dropped.
import { useMemo, useRef, type Dispatch } from 'react';
import type { ImageResult, SbomView, TuiPorts } from '../ports.js';
import type { AppAction, AppState } from '../state/app-state.js';
import { exportPlan } from '../screens/export-plan.js';
import { exportPath } from '../state/export-target.js';

export interface Actions {
  open(input: string): void;
  verifyRelease(version: string): void;
  verifyImages(references: string[]): void;
  /** Release binaries and archives, by path as the SBOM names them. */
  verifyFiles(paths: string[]): void;
  exportNow(): void;
  /** Opens the local file `path` as the document `refId` names, if its SHA-1 matches the reference's. */
  openReference(refId: string, path: string): void;
  /** Loads a second file, or verifies a release, to compare the loaded document with. */
  compare(input: string): void;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function useActions(ports: TuiPorts, dispatch: Dispatch<AppAction>, getState: () => AppState): Actions {
  const releaseRun = useRef(0);
  const imagesRun = useRef(0);
  const filesRun = useRef(0);
  const openRun = useRef(0);
  return useMemo<Actions>(() => {
    const verifyRelease = (version: string) => {
      const run = ++releaseRun.current;
      openRun.current++;
      const live = () => run === releaseRun.current;
      dispatch({ type: 'release-start', version });
      dispatch({ type: 'screen', screen: 'release' });
      ports
        .verifyRelease(version, (event) => live() && dispatch({ type: 'release-event', event }))
        .then((outcome) => {
          if (!live()) return;
          dispatch({ type: 'release-done', outcome });
          // Fail closed: a release that did not verify is not offered for exploring.
          if (outcome.verified && outcome.view) dispatch({ type: 'loaded', view: outcome.view, provenance: { kind: 'release', version: outcome.version } });
        })
        .catch((err: unknown) => live() && dispatch({ type: 'release-error', message: messageOf(err) }));
    };
    const open = (input: string) => {
      const text = input.trim();
      if (!text) return;
      if (ports.isVersion(text)) return verifyRelease(text);
      releaseRun.current++;
      // Only the newest open counts: a slow file finishing after a later one must not replace it.
      const run = ++openRun.current;
      const live = () => run === openRun.current;
      dispatch({ type: 'release', patch: { phase: 'pick', input: '' } });
      dispatch({ type: 'open-start', path: text });
      ports
        .openFile(text)
        .then((view) => {
          if (!live()) return;
          dispatch({ type: 'loaded', view, provenance: { kind: 'file', path: text } });
          dispatch({ type: 'screen', screen: 'explorer' });
        })
        .catch((err: unknown) => live() && dispatch({ type: 'load-failed', message: messageOf(err) }));
    };
    const verifyImages = (references: string[]) => {
      const view: SbomView | undefined = getState().view;
      if (!view || references.length === 0) return;
      const run = ++imagesRun.current;
      const live = () => run === imagesRun.current && getState().view === view;
      dispatch({ type: 'verify-start', references });
      const seen = new Set<string>();
      ports
        .verifyImages(
          view,
          references,
          (result) => {
            if (!live()) return;
            if (result.status !== 'running' && result.status !== 'pending') seen.add(result.reference);
            dispatch({ type: 'image-result', result });
          },
          (message) => live() && dispatch({ type: 'images-warning', message }),
        )
        .catch((err: unknown) => {
          // Whatever did not finish could not be checked: say so, never leave it looking fine.
          if (!live()) return;
          for (const reference of references.filter((r) => !seen.has(r))) {
            const result: ImageResult = { reference, status: 'unchecked', code: 'VERIFY_FAILED_TO_RUN', message: messageOf(err), checks: [] };
            dispatch({ type: 'image-result', result });
          }
        })
        .finally(() => live() && dispatch({ type: 'verify-done' }));
    };
    const verifyFiles = (paths: string[]) => {
      const view: SbomView | undefined = getState().view;
      if (!view || paths.length === 0) return;
      const run = ++filesRun.current;
      const live = () => run === filesRun.current && getState().view === view;
      dispatch({ type: 'files-start', paths });
      const seen = new Set<string>();
      ports
        .verifyFiles(
          view,
          paths,
          (result) => {
            if (!live()) return;
            if (result.status !== 'running' && result.status !== 'pending') seen.add(result.reference);
            dispatch({ type: 'file-result', result });
          },
          (message) => live() && dispatch({ type: 'files-warning', message }),
        )
        .catch((err: unknown) => {
          // Whatever did not finish could not be checked: say so, never leave it looking fine.
          if (!live()) return;
          for (const reference of paths.filter((p) => !seen.has(p))) {
            dispatch({ type: 'file-result', result: { reference, status: 'unchecked', code: 'VERIFY_FAILED_TO_RUN', message: messageOf(err), checks: [] } });
          }
        })
        .finally(() => live() && dispatch({ type: 'files-done' }));
    };
    const exportNow = () => {
      const state = getState();
      if (!state.view || state.exporter.busy) return;
      const plan = exportPlan(state, state.view.images);
      if (!plan.ok) return dispatch({ type: 'exporter', patch: { result: { ok: false, message: plan.reason } } });
      dispatch({ type: 'exporter', patch: { busy: true, result: undefined } });
      ports
        .exportFile(state.view, plan.request, exportPath(ports.exportDir, state.exporter, plan.request))
        .then((r) => dispatch({ type: 'exporter', patch: { busy: false, result: { ok: true, path: r.path, count: r.count } } }))
        .catch((err: unknown) => dispatch({ type: 'exporter', patch: { busy: false, result: { ok: false, message: messageOf(err) } } }));
    };
    const openReference = (refId: string, path: string) => {
      const view = getState().view;
      if (!view) return;
      const run = ++openRun.current;
      const live = () => run === openRun.current;
      dispatch({ type: 'tree', patch: { input: undefined, message: `checking ${path} against the SHA-1 ${refId} gives` } });
      ports
        .openReference(view, refId, path)
        .then((next) => {
          if (!live()) return;
          dispatch({ type: 'loaded', view: next, provenance: { kind: 'file', path } });
          dispatch({ type: 'tree', patch: { message: `opened ${path}: its SHA-1 is the one ${refId} gives` } });
        })
        .catch((err: unknown) => live() && dispatch({ type: 'tree', patch: { message: messageOf(err) } }));
    };
    const compareRun = { current: 0 };
    const compare = (input: string) => {
      const run = ++compareRun.current;
      dispatch({ type: 'diff', patch: { input: undefined, busy: input, error: undefined } });
      const other = ports.isVersion(input)
        ? ports
            .verifyRelease(input, () => undefined)
            .then((outcome) => {
              // Fail closed: a release that did not verify is not compared with.
              if (!outcome.verified || !outcome.view) {
                const failed = outcome.checks.filter((c) => c.status === 'fail').map((c) => `${c.id}: ${c.message}`);
                throw new Error(`release ${input} did not verify${failed.length ? ` (${failed.join('; ')})` : ''}: not compared`);
              }
              return { label: `${outcome.version} (verified)`, view: outcome.view };
            })
        : ports.openFile(input).then((view) => ({ label: input, view }));
      other
        .then((o) => run === compareRun.current && dispatch({ type: 'diff', patch: { other: o, busy: undefined, list: { cursor: 0, offset: 0 } } }))
        .catch((err: unknown) => run === compareRun.current && dispatch({ type: 'diff', patch: { busy: undefined, error: messageOf(err) } }));
    };
    return { open, verifyRelease, verifyImages, verifyFiles, exportNow, openReference, compare };
  }, [ports, dispatch, getState]);
}
