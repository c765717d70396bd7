// `kube-sbom ... | head` is everyday use: a reader that stops early must not produce a stack trace.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cliPath, realdata, realdataMissing } from '../helpers/cli.js';

describe.skipIf(realdataMissing)('output into a pipe that closes early', () => {
  it('validate with ~480 KB of diagnostics into `head -1` ends quietly', () => {
    const file = realdata('spdx/invalid/tools-python-INVALID-trivy-vmware-fluentd.spdx.json');
    const run = spawnSync('sh', ['-c', `"${process.execPath}" "${cliPath}" validate "$1" | head -1`, 'sh', file], {
      encoding: 'utf8',
    });
    expect(run.stdout.split('\n')[0]).toMatch(/error|warning/);
    expect(run.stderr).not.toMatch(/EPIPE|at .*\.js:\d+|Unhandled/);
  });
});
