// verify-sbom / verify-binary -o DIR keep the verified files as one set: the complete new set, or, when any file
// cannot be written, the folder exactly as it was (no new file beside older ones, no staging folder left).
import { chmod, lstat, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { realdataMissing, runCli } from '../helpers/cli.js';
import { feedFifo, makeFifo } from '../helpers/fifo.js';
import { listFiles, pristineRelease, releaseEnv, removePristine, type ReleaseEnv } from './release-env.js';

let env: ReleaseEnv;

/** Plants an older set in -o DIR: file name -> content ('/' for a folder holding one file). */
async function plant(files: Record<string, string>): Promise<void> {
  await mkdir(env.outDir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    if (content === '/') {
      await mkdir(join(env.outDir, name));
      await writeFile(join(env.outDir, name, 'inside'), 'a folder in the way\n');
    } else await writeFile(join(env.outDir, name), content);
  }
}

async function contents(): Promise<Record<string, string>> {
  const names = await listFiles(env.outDir);
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await readFile(join(env.outDir, n), 'utf8')] as const)));
}

const verifySbom = (extra: string[] = []) => runCli(['verify-sbom', 'v1.25.4', ...env.flags, '-o', env.outDir, ...extra]);
const verifyKubectl = () => runCli(['verify-binary', 'kubectl', '--version', 'v1.25.4', '--os', 'linux', '--arch', 'amd64', ...env.flags, '-o', env.outDir]);

describe.skipIf(realdataMissing)('-o DIR: the whole set or nothing', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    await pristineRelease();
  });
  afterAll(removePristine);
  afterEach(async () => env?.close());

  it('verify-sbom: a folder where release.sig goes fails with exit 3 and leaves the older files exactly as they were', async () => {
    env = await releaseEnv();
    await plant({ release: 'old release\n', 'release.sha256': 'old sha256\n', 'release.cert': 'old cert\n', 'release.sig': '/' });
    const before = await contents();
    const r = await verifySbom();
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${join(env.outDir, 'release.sig')}: is a directory`);
    expect(r.stderr).toContain('the folder is as it was [OUTPUT_WRITE_FAILED]');
    expect(await contents()).toEqual(before);
    expect(await readdir(env.outDir)).toEqual(expect.not.arrayContaining([expect.stringMatching(/^\.kube-sbom/)]));
  });

  it('verify-sbom: a read-only file in the set is refused the same way, and nothing changes', async () => {
    env = await releaseEnv();
    await plant({ release: 'old release\n', 'release.sig': 'old sig\n' });
    await chmod(join(env.outDir, 'release.sig'), 0o444);
    const r = await verifySbom();
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('[OUTPUT_WRITE_FAILED]');
    expect(await contents()).toEqual({ release: 'old release\n', 'release.sig': 'old sig\n' });
  });

  it('verify-sbom: a FIFO where release.cert goes is neither written into nor replaced in a set', async () => {
    env = await releaseEnv();
    await plant({ release: 'old release\n' });
    const fifo = makeFifo(join(env.outDir, 'release.cert'));
    const r = await verifySbom();
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${fifo}: not a regular file; refusing to replace it`);
    expect((await lstat(fifo)).isFIFO()).toBe(true);
    expect(await contents()).toEqual({ release: 'old release\n' });
  });

  it('verify-sbom: an older complete set is replaced whole; the entry given with --rekor-entry is kept as verified', async () => {
    env = await releaseEnv();
    const first = await verifySbom();
    expect(first.code, first.stderr).toBe(0);
    const entry = join(env.outDir, '..', 'entry.json');
    await writeFile(entry, await readFile(join(env.outDir, 'release.rekor.json')));
    await plant({
      release: 'old\n',
      'release.sha256': 'old\n',
      'release.sha512': 'old\n',
      'release.sig': 'old\n',
      'release.cert': 'old\n',
      'release.rekor.json': 'old\n',
      'release.sigstore.json': 'old\n',
    });
    const r = await verifySbom(['--rekor-entry', entry]);
    expect(r.code, r.stderr).toBe(0);
    const now = await contents();
    expect(Object.keys(now)).toEqual([
      'release',
      'release.cert',
      'release.rekor.json',
      'release.sha256',
      'release.sha512',
      'release.sig',
      'release.sigstore.json',
    ]);
    expect(Object.values(now).filter((c) => c === 'old\n')).toEqual([]);
    expect(now['release.rekor.json']).toBe(await readFile(entry, 'utf8'));
    expect((await readFile(join(env.outDir, 'release'))).equals(env.fixture.sbomBytes)).toBe(true);
  });

  it('verify-sbom: a --rekor-entry that never ends is refused at its limit (exit 3), nothing written', async () => {
    env = await releaseEnv();
    const fifo = makeFifo(join(env.outDir, '..', 'endless.rekor.json'));
    const run = verifySbom(['--rekor-entry', fifo]);
    const written = feedFifo(fifo, 48 * 1024 * 1024, run);
    const r = await run;
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(`${fifo}: larger than the 1.0 MiB limit`);
    expect(await written).toBeLessThan(48 * 1024 * 1024);
    expect(await listFiles(env.outDir)).toEqual([]);
  });

  it('verify-binary: a folder where kubectl.sig goes fails with exit 3 and leaves the older kubectl alone', async () => {
    env = await releaseEnv();
    await plant({ kubectl: 'old kubectl\n', 'kubectl.sha256': 'old sha256\n', 'kubectl.sig': '/' });
    const before = await contents();
    const r = await verifyKubectl();
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${join(env.outDir, 'kubectl.sig')}: is a directory`);
    expect(await contents()).toEqual(before);
    expect(await readdir(env.outDir)).toEqual(expect.not.arrayContaining([expect.stringMatching(/^\.kube-sbom/)]));
  });
});
