#!/usr/bin/env node
// Entry point of the `kube-sbom` binary: the command line, given the UI to launch (cli/ and tui/ never import
// each other; this is the one place that knows both).
import { setFlagsFromString } from 'node:v8';
import type { UiLauncher } from './app/ui-launch.js';
import { main } from './cli/program.js';
import { writeError } from './cli/output.js';

// Runs are short. With V8's default budget the WebAssembly of undici's HTTP parser is recompiled by the optimizing
// tier in the background, work that competes with the run on a small machine and that exit waits for; a higher
// budget keeps it in the baseline tier unless a run is long and hot (`npm run bench images`, whole command rows).
setFlagsFromString('--wasm-tiering-budget=100000000');

// `kube-sbom ... | head` closes our stdout early: that ends the run quietly, it is not a crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

// Loaded only when the UI runs: --help and the commands never load Ink or React.
const launchUi: UiLauncher = async (request) => (await import('./tui/launch.js')).launchTui(request);

main(process.argv, launchUi).catch((err) => {
  process.exitCode = writeError(err);
});
