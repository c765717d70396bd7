// verify-blob reads every file it is given through the bounded reader: a side file that never ends (a FIFO fed for
// ever, like /dev/zero) is refused at its limit, and the artifact has a limit of its own (--max-size).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { feedFifo, makeFifo } from '../helpers/fifo.js';
import { getTestPki, signBlob, GOOGLE_ISSUER, K8S_BLOB_IDENTITY } from '../helpers/pki/index.js';

let dir: string;
const f = (name: string) => join(dir, name);
const artifact = Buffer.from('kubernetes v1.99.0 release SBOM\n');
const identity = ['--certificate-identity', K8S_BLOB_IDENTITY, '--certificate-oidc-issuer', GOOGLE_ISSUER];
/** Past the 16 MiB side-file limit; a reader without a limit takes all of it, then waits for more. */
const FEED_CAP = 48 * 1024 * 1024;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kube-sbom-blob-limits-'));
  const s = await signBlob(artifact);
  await Promise.all([
    writeFile(f('release.spdx'), artifact),
    writeFile(f('release.spdx.sig'), s.signatureB64),
    writeFile(f('release.spdx.cert'), s.certificateB64),
    writeFile(f('release.rekor.json'), JSON.stringify(s.rekorEntry)),
    writeFile(f('trusted_root.json'), (await getTestPki()).trustedRootText),
  ]);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const detached = {
  '--signature': 'release.spdx.sig',
  '--certificate': 'release.spdx.cert',
  '--rekor-entry': 'release.rekor.json',
  '--trusted-root': 'trusted_root.json',
};
const cases: [string, Record<string, string>][] = [
  ...Object.keys(detached).map((flag): [string, Record<string, string>] => [flag, detached]),
  ['--bundle', { '--bundle': 'x', '--trusted-root': 'trusted_root.json' }],
  ['--key', { '--key': 'x', '--signature': 'release.spdx.sig' }],
];

describe('kube-sbom verify-blob: bounded reads', { timeout: 60_000 }, () => {
  it.each(cases)('%s naming a FIFO that never ends is refused at the limit (exit 3)', async (flag, material) => {
    const fifo = makeFifo(f(`endless${flag}`));
    const args = Object.entries({ ...material, [flag]: fifo }).flatMap(([k, v]) => [k, v === fifo ? v : f(v)]);
    const run = runCli(['verify-blob', f('release.spdx'), ...args, ...identity, '--offline'], { timeoutMs: 20_000 });
    const written = feedFifo(fifo, FEED_CAP, run);
    const r = await run;
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(`${fifo}: larger than the 16 MiB limit`);
    expect(r.stderr).toContain('INPUT_TOO_LARGE');
    expect(await written).toBeLessThan(FEED_CAP);
  });

  it('the artifact is refused past --max-size, and read at it', async () => {
    const over = await runCli([
      'verify-blob',
      f('release.spdx'),
      ...Object.entries(detached).flatMap(([k, v]) => [k, f(v)]),
      ...identity,
      '--offline',
      '--max-size',
      '31',
    ]);
    expect(over.code, over.stderr).toBe(3);
    expect(over.stderr).toContain(`${f('release.spdx')}: larger than the 31 B limit; raise --max-size if the file is that large`);
    const at = await runCli([
      'verify-blob',
      f('release.spdx'),
      ...Object.entries(detached).flatMap(([k, v]) => [k, f(v)]),
      ...identity,
      '--offline',
      '--max-size',
      String(artifact.length),
    ]);
    expect(at.code, at.stderr).toBe(0);
  });
});
