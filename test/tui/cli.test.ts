// The tui command as a user meets it without a terminal, and the committed samples being what the generator writes.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runCli } from '../helpers/cli.js';
import { generateSamples } from '../helpers/samples/generate.js';

describe('kube-sbom tui without a terminal', () => {
  it.each([[[]], [['tui']], [['tui', 'v1.29.0']], [['tui', '--samples']]])('kube-sbom %j prints a one-line hint and exits 2', async (args) => {
    const r = await runCli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/needs a terminal.*kube-sbom verify-sbom, images, inspect, verify-images.*\[NO_TTY\]/);
  });

  it('a mistyped command or a missing file is named as such (exit 2), not blamed on the terminal', async () => {
    const typo = await runCli(['inspectt', 'x.spdx']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^kube-sbom: inspectt: not a kube-sbom command.*\[UNKNOWN_COMMAND\]\n$/);
    const missing = await runCli(['no-such-file.spdx']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^kube-sbom: no-such-file\.spdx: not a command, a file, a URL or a release version.*\[SOURCE_INVALID\]\n$/);
  });

  it('is listed in --help with examples', async () => {
    const r = await runCli(['tui', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--samples/);
    expect(r.stdout).toMatch(/Examples:/);
  });
});

async function files(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(
      relative(dir, path),
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    );
  }
  return out;
}

describe('samples/', () => {
  it('is exactly what npm run samples writes (deterministic), and small', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kube-sbom-samples-'));
    try {
      await generateSamples(dir);
      const fresh = await files(dir);
      const committed = await files(join(projectRoot, 'samples'));
      expect([...committed.keys()].sort()).toEqual([...fresh.keys()].sort());
      for (const [path, hash] of fresh) expect(committed.get(path), path).toBe(hash);
      let total = 0;
      for (const path of fresh.keys()) total += (await readFile(join(dir, path))).byteLength;
      expect(total).toBeLessThan(256 * 1024);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
