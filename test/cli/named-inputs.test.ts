// Files named on the command line beyond verify-blob's go through the bounded reader too: a --from list, a
// --trusted-root and an OCI layout's own files that never end (FIFOs fed for ever) are refused at their limit.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { feedFifo, makeFifo } from '../helpers/fifo.js';
import { getTestPki } from '../helpers/pki/index.js';

let dir: string;
/** Past every limit below (16 MiB lists and roots, 4 MiB manifests); a reader without one takes it all and waits. */
const FEED_CAP = 48 * 1024 * 1024;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kube-sbom-named-inputs-'));
  await writeFile(join(dir, 'trusted_root.json'), (await getTestPki()).trustedRootText);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function runFeeding(fifo: string, args: string[]) {
  const run = runCli(args, { timeoutMs: 20_000 });
  const written = feedFifo(fifo, FEED_CAP, run);
  const r = await run;
  return { ...r, written: await written };
}

describe('bounded reads of named inputs', { timeout: 60_000 }, () => {
  it('verify-images --from an endless list: exit 3 at the limit', async () => {
    const fifo = makeFifo(join(dir, 'list'));
    const r = await runFeeding(fifo, ['verify-images', '--from', fifo, '--offline']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(`${fifo}: larger than the 16 MiB limit`);
    expect(r.written).toBeLessThan(FEED_CAP);
  });

  it('verify-image --trusted-root an endless file: exit 3 at the limit', async () => {
    const fifo = makeFifo(join(dir, 'root'));
    const layout = join(dir, 'empty-layout');
    await mkdir(layout);
    const r = await runFeeding(fifo, ['verify-image', 'registry.k8s.io/pause:3.9', '--oci-layout', layout, '--trusted-root', fifo]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(`${fifo}: larger than the 16 MiB limit`);
    expect(r.written).toBeLessThan(FEED_CAP);
  });

  it('an OCI layout whose oci-layout file never ends: exit 3 at the limit', async () => {
    const layout = join(dir, 'layout');
    await mkdir(layout);
    const fifo = makeFifo(join(layout, 'oci-layout'));
    const r = await runFeeding(fifo, ['verify-image', 'registry.k8s.io/pause:3.9', '--oci-layout', layout, '--trusted-root', join(dir, 'trusted_root.json')]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(`${fifo}: larger than the`);
    expect(r.written).toBeLessThan(FEED_CAP);
  });
});
