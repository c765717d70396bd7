// `kube-sbom images VERSION`: the release SBOM is downloaded from a loopback mirror (signed by the test PKI) and must
// verify before any image is listed.
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { realdata, realdataMissing, runCli } from '../helpers/cli.js';
import { pristineRelease, releaseEnv, removePristine, type ReleaseEnv } from '../verify/release-env.js';

let env: ReleaseEnv | undefined;

describe.skipIf(realdataMissing)('images VERSION', () => {
  beforeAll(async () => {
    await pristineRelease();
  });
  afterAll(removePristine);
  afterEach(async () => {
    await env?.close();
    env = undefined;
  });

  it('lists the same images as the file, for an exact version and for a marker', async () => {
    env = await releaseEnv();
    const fromFile = await runCli(['images', realdata('k8s', 'release-sbom', 'kubernetes-v1.25.4-release.spdx')]);
    for (const version of ['v1.25.4', 'stable']) {
      const r = await runCli(['images', version, ...env.flags]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(fromFile.stdout);
    }
    const json = JSON.parse((await runCli(['images', 'v1.25.4', ...env.flags, '--json'])).stdout);
    expect(json.source).toMatch(/^v1\.25\.4 \(http:\/\/127\.0\.0\.1:\d+\/sbom\/v1\.25\.4\/release\)$/);
    expect(json.count).toBe(25);
  });

  it('refuses an SBOM that does not verify: exit 1, nothing listed', async () => {
    env = await releaseEnv();
    await appendFile(join(env.root, 'sbom', 'v1.25.4', 'release'), '\n');
    const r = await runCli(['images', 'v1.25.4', ...env.flags]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/the release SBOM of v1\.25\.4 did not verify \(sha256: DIGEST_MISMATCH.*\[SBOM_NOT_VERIFIED\]/);
  });

  it('an invalid version that is not a file either is a missing file (exit 3)', async () => {
    const r = await runCli(['images', 'v1.x']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('[FILE_NOT_FOUND]');
  });
});
