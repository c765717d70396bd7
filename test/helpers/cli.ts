// Runs the compiled kube-sbom binary as a user would, and returns what it printed and its exit code.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Walk up to package.json: this file runs from test/helpers (vitest) and from dist/test/helpers (benchmarks).
function findProjectRoot(start: string): string {
  let dir = start;
  while (!existsSync(resolve(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
/** The shipped program: the bundle that package.json's bin names (npm run build makes it). */
export const cliPath = resolve(projectRoot, 'dist', 'bundle', 'kube-sbom.mjs');
export const sharedDir = resolve(projectRoot, '..', 'shared');
export const realdataDir = resolve(sharedDir, 'realdata');
/** Why a realdata test is skipped, or undefined when ../shared/realdata is present. */
export const realdataMissing = existsSync(realdataDir) ? undefined : '../shared/realdata is absent (project cloned alone)';

export function realdata(...parts: string[]): string {
  return resolve(realdataDir, ...parts);
}

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

export interface CliOptions {
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs?: number;
  nodeArgs?: string[];
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` (npm test does it) first`);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), cliPath, ...args], {
      cwd: options.cwd ?? projectRoot,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code });
    });
    child.stdin.end(options.input);
  });
}
