// ctrl-c or kill in the middle of a download: the process ends with the shell's code for that signal, and the
// staging folder with the partial download goes with it (a finally block does not run when a signal ends a process).
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cliPath, realdataMissing } from '../helpers/cli.js';
import { pristineRelease, releaseEnv, removePristine, type ReleaseEnv } from './release-env.js';

const SBOM = '/sbom/v1.25.4/release';

/** Folders and files under `dir`, a level deep: where a staging folder and its partial download would be. */
async function contents(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of await readdir(dir)) {
    out.push(name);
    for (const inner of await readdir(join(dir, name)).catch(() => [])) out.push(`${name}/${inner}`);
  }
  return out;
}

describe.skipIf(realdataMissing)('a command ended by a signal mid-download', () => {
  let env: ReleaseEnv | undefined;
  let temp: string;
  beforeAll(async () => {
    await pristineRelease();
  });
  afterAll(async () => {
    await removePristine();
  });
  afterEach(async () => {
    await env?.close();
    env = undefined;
    await rm(temp, { recursive: true, force: true });
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s: exit %i, and no staging folder or partial download is left in the temp folder', async (signal, code) => {
    env = await releaseEnv();
    temp = await mkdtemp(join(tmpdir(), 'kube-sbom-interrupted-'));
    // The SBOM arrives half and then stalls, well within the idle timeout: the download is under way when the signal comes.
    env.mirror.inject(SBOM, { kind: 'stall' });
    const child = spawn(process.execPath, [cliPath, 'verify-sbom', 'v1.25.4', ...env.flags, '--idle-timeout', '20000', '--json'], {
      env: { ...process.env, TMPDIR: temp, NO_COLOR: '1' },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    for (let i = 0; i < 200 && !(await contents(temp)).some((p) => /^kube-sbom-verify-[^/]+\/\..*\.part$/.test(p)); i++) {
      await new Promise((r) => setTimeout(r, 25));
    }
    const before = await contents(temp);
    expect(
      before.some((p) => /^kube-sbom-verify-[^/]+\/\..*\.part$/.test(p)),
      before.join(', '),
    ).toBe(true);
    child.kill(signal);
    expect(await exited).toBe(code);
    expect(await contents(temp)).toEqual([]);
  });
});
