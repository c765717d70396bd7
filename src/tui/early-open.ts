// The document named on the command line starts opening while Ink loads. When it is ready by the time the UI
// starts, the first frame already shows it (no "nothing loaded" frame first, no second render); a document that
// takes longer does not hold the UI back: the app opens it as usual and gets this same run's result.
import type { SbomView, TuiPorts } from './ports.js';

export interface EarlyOpen {
  /** The ports to give the app: its first openFile of this path is answered by the run already under way. */
  ports: TuiPorts;
  /** The view if it opened within `waitMs` from now; undefined if it failed (the app reports it) or is not ready. */
  ready(waitMs: number): Promise<SbomView | undefined>;
}

export function openEarly(ports: TuiPorts, path: string): EarlyOpen {
  const opening = ports.openFile(path);
  // A failure is reported by the app when it asks for the document, not here.
  opening.catch(() => undefined);
  let handedOver = false;
  const openFile = (asked: string) => {
    if (!handedOver && asked === path) {
      handedOver = true;
      return opening;
    }
    return ports.openFile(asked);
  };
  const ready = (waitMs: number) =>
    new Promise<SbomView | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), waitMs);
      opening.then(
        (view) => {
          clearTimeout(timer);
          resolve(view);
        },
        () => {
          clearTimeout(timer);
          resolve(undefined);
        },
      );
    });
  return { ports: { ...ports, openFile }, ready };
}
