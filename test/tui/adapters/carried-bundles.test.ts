// The UI's --bundles-from: the launch setting reaches the images use case, which reads the folder (never writes it)
// and tells an unsigned image what to carry; a folder that is not there is an error, not "no signatures".
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPorts, type TuiSettings } from '../../../src/tui/adapters/index.js';
import { loadDemo, samplesDir } from '../../../src/tui/samples.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kube-sbom-tui-carried-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function demoPorts(extra: Partial<TuiSettings>) {
  const demo = await loadDemo();
  const settings: TuiSettings = {
    ...demo,
    sbomUrl: 'https://sbom.k8s.io',
    dlUrl: 'https://dl.k8s.io',
    rekorUrl: 'https://rekor.sigstore.dev',
    issuer: 'https://accounts.google.com',
    offline: true,
    allowHttpRegistry: false,
    exportDir: dir,
    maxBytes: 64 << 20,
    concurrency: 4,
    versions: [],
    ...extra,
  };
  const ports = createPorts(settings);
  const view = await ports.openFile(join(samplesDir(), 'sbom', demo.version, 'release'));
  return { ports, view };
}

describe.skipIf(existsSync(join(samplesDir(), 'demo.json')) ? undefined : 'samples/ is missing')('the UI with --bundles-from', () => {
  it('reads the folder: an image signed nowhere is told what to copy into it, and nothing is written there', async () => {
    const carried = join(dir, 'carried');
    await mkdir(carried);
    const { ports, view } = await demoPorts({ bundlesFrom: carried });
    const unsigned = view.images.find((i) => i.reference.includes('kube-scheduler-arm64'))!.reference;
    const [result] = await ports.verifyImages(view, [unsigned], () => undefined);
    expect(result).toMatchObject({ status: 'failed', code: 'NO_SIGNATURES' });
    expect(result!.message).toContain(`copy the sha256-<hex>-N.sigstore.json and .payload.json files into ${carried}`);
    expect(await readdir(carried)).toEqual([]);
  });

  it('a folder that is not there stops the run with its path', async () => {
    const { ports, view } = await demoPorts({ bundlesFrom: join(dir, 'nope') });
    await expect(ports.verifyImages(view, [view.images[0]!.reference], () => undefined)).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
