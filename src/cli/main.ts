#!/usr/bin/env node
// Entry point of the `kube-sbom` binary.
import { main } from './program.js';
import { reportError } from './run-action.js';

main(process.argv).catch((err) => {
  process.exitCode = reportError(err);
});
