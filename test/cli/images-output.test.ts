// `images -o` through the compiled program: regular files are replaced atomically, FIFOs, character devices and
// /dev/fd/N are written into, and a file the user could not write is refused (as root: one with no write bit).
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliPath, realdata, realdataMissing, runCli } from '../helpers/cli.js';
import { makeFifo } from '../helpers/fifo.js';

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const lines = (text: string) => text.split('\n').filter(Boolean);

/** Runs a command to its end and gives its stdout; what is still running after `limitMs` is killed. */
function capture(command: string, args: string[], limitMs: number, extraFd = false): Promise<{ out: string; err: string; fd3: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe', ...(extraFd ? (['pipe'] as const) : [])] });
    let out = '';
    let err = '';
    let fd3 = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    if (extraFd) (child.stdio[3] as NodeJS.ReadableStream).on('data', (c: Buffer) => (fd3 += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('error', reject);
    child.on('close', (code) => (clearTimeout(timer), resolve({ out, err, fd3, code })));
  });
}

describe.skipIf(realdataMissing)('images -o', { timeout: 60_000 }, () => {
  const v125 = realdata('k8s', 'release-sbom', 'kubernetes-v1.25.4-release.spdx');
  const dir = mkdtempSync(join(tmpdir(), 'kube-sbom-images-output-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes into a FIFO for its reader and leaves the FIFO in place', async () => {
    const fifo = makeFifo(join(dir, 'fifo'));
    // A FIFO replaced by a file would leave cat waiting on the old one until killed at its limit.
    const reader = capture('cat', [fifo], 10_000);
    const r = await runCli(['images', v125, '-o', fifo], { timeoutMs: 20_000 });
    const read = await reader; // before any assertion: a failing run must not leave cat behind
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(lines(read.out)).toHaveLength(25);
  });

  it('writes into a character device and leaves it in place: /dev/null takes it, /dev/full fails with exit 3', async () => {
    // As root, private nodes of the same devices: a regression must not replace the machine's /dev/full.
    const device = (name: string, minor: number) => {
      if (!isRoot) return `/dev/${name}`;
      execFileSync('mknod', [join(dir, name), 'c', '1', String(minor)]);
      return join(dir, name);
    };
    const nul = device('null', 3);
    const full = device('full', 7);
    const ok = await runCli(['images', v125, '-o', nul]);
    expect(ok.code, ok.stderr).toBe(0);
    const bad = await runCli(['images', v125, '-o', full]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain(`${full}: no space left on the device`);
    expect(bad.stderr).toContain('[NO_SPACE]');
    for (const path of [nul, full]) expect(lstatSync(path).isCharacterDevice()).toBe(true);
  });

  it('writes into /dev/fd/N: a socket passed as fd 3, and a pipe from bash -o >(cat)', async () => {
    const r = await capture(process.execPath, [cliPath, 'images', v125, '-o', '/dev/fd/3'], 20_000, true);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(lines(r.fd3)).toHaveLength(25);
    // cat's output is bash's stdout: read to its end, it holds what kube-sbom wrote into the process substitution.
    const substituted = await capture('bash', ['-c', '"$0" "$1" images "$2" -o >(cat)', process.execPath, cliPath, v125], 20_000);
    expect(substituted.code).toBe(0);
    expect(lines(substituted.out)).toHaveLength(25);
    const closed = await runCli(['images', v125, '-o', '/dev/fd/200']);
    expect(closed.code).toBe(3);
    expect(closed.stderr).toContain('/dev/fd/200: bad file descriptor');
  });

  it('refuses to replace a read-only file (exit 3) and leaves it as it was', async () => {
    const path = join(dir, 'read-only.txt');
    writeFileSync(path, 'keep me\n');
    chmodSync(path, 0o444);
    const r = await runCli(['images', v125, '-o', path]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${path}: read-only; make it writable or choose another file`);
    expect(r.stderr).toContain('[OUTPUT_READ_ONLY]');
    expect(readFileSync(path, 'utf8')).toBe('keep me\n');
    expect(lstatSync(path).mode & 0o777).toBe(0o444);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it.skipIf(!isRoot)('as another user: refuses a file that user could not write, replaces one it could', async () => {
    // A folder both may write (no sticky bit): only the rule on the file itself stops the replacement.
    const shared = join(dir, 'shared');
    chmodSync(dir, 0o755);
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    const others = join(shared, 'root-owned.txt');
    const own = join(shared, 'own.txt');
    writeFileSync(others, 'root keeps this\n', { mode: 0o644 });
    writeFileSync(own, 'old\n', { mode: 0o644 });
    chownSync(own, NOBODY, NOBODY);
    const asNobody = (out: string) =>
      capture('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, cliPath, 'images', v125, '-o', out], 20_000);
    const refused = await asNobody(others);
    expect(refused.code).toBe(3);
    expect(refused.err).toContain('[OUTPUT_READ_ONLY]');
    expect(readFileSync(others, 'utf8')).toBe('root keeps this\n');
    const replaced = await asNobody(own);
    expect(replaced.code).toBe(0);
    expect(lines(readFileSync(own, 'utf8'))).toHaveLength(25);
  });

  it('keeps the permission bits of the file it replaces (a private file stays private)', async () => {
    const path = join(dir, 'private.txt');
    writeFileSync(path, 'old\n', { mode: 0o600 });
    const r = await runCli(['images', v125, '-o', path]);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(readFileSync(path, 'utf8'))).toHaveLength(25);
    expect(lstatSync(path).mode & 0o777).toBe(0o600);
  });

  it('replaces a symlink itself and never writes through it', async () => {
    const target = join(dir, 'target.txt');
    const link = join(dir, 'link.txt');
    writeFileSync(target, 'target\n');
    symlinkSync(target, link);
    const r = await runCli(['images', v125, '-o', link]);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(link).isFile()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('target\n');
  });
});
