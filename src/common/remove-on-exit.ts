// Temp folders a command works in, removed however the process ends: a `finally` does not run when ctrl-c or kill
// ends it, and a release download cut short that way left hundreds of MB in the temp folder.
import { rmSync } from 'node:fs';

const paths = new Set<string>();
/** Exit codes of the shells' convention, 128 + the signal's number. */
const SIGNALS = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const;
let installed = false;

/** Removes `path` if the process exits before the returned function is called (the normal path removes it itself). */
export function removeOnExit(path: string): () => void {
  if (!installed) install();
  paths.add(path);
  return () => paths.delete(path);
}

function install(): void {
  installed = true;
  // 'exit' runs on every process.exit(), whoever calls it (the UI's own signal handler too).
  process.on('exit', () => {
    for (const path of paths) rmSync(path, { recursive: true, force: true });
  });
  for (const [signal, code] of SIGNALS) {
    // A handler replaces the default of ending the process: end it as the default would, with the usual code.
    process.on(signal, () => process.exit(code));
  }
}
