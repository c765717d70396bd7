#!/usr/bin/env node
// Entry point of the `kube-sbom` binary.
import { main } from './program.js';
import { reportError } from './run-action.js';

// `kube-sbom ... | head` closes our stdout early: that ends the run quietly, it is not a crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

main(process.argv).catch((err) => {
  process.exitCode = reportError(err);
});
