// What is parsed (the release SBOM) and what lands in -o DIR must be the bytes that were verified: the files are read
// back from the staging folder, and a file changed there since its checks is neither parsed nor saved.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FetchedFile } from '../../src/fetch/fetcher.js';
import { fetchedToSave, saveVerifiedFiles } from '../../src/verify/save-verified.js';
import { readVerifiedFile } from '../../src/verify/verified-file.js';
import { summariseVerified } from '../../src/verify/verify-sbom.js';
import { realdataMissing } from '../helpers/cli.js';
import { REAL_SBOM } from '../helpers/release-fixture.js';

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kube-sbom-verified-bytes-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A staged file as the fetcher describes it once verified: its path and the SHA-256 its checks saw. */
async function staged(name: string, verified: Uint8Array | string, onDisk: Uint8Array | string = verified): Promise<FetchedFile> {
  const path = join(dir, name);
  await writeFile(path, onDisk);
  return { url: `https://example.invalid/${name}`, label: name, path, source: 'network', cacheKey: name, sha256: sha256(verified), sha512: '', size: 0 };
}

describe('-o DIR', () => {
  it('saves the verified copies, and nothing at all when one changed on disk after its checks', async () => {
    const out = join(dir, 'out');
    const kubectl = await staged('kubectl', 'kubectl bytes');
    const sig = await staged('kubectl.sig', 'signature');
    expect(await saveVerifiedFiles(out, [kubectl, sig].map(fetchedToSave))).toHaveLength(2);

    const changed = await staged('kubelet', 'kubelet bytes as verified', 'kubelet bytes changed since');
    const again = join(dir, 'again');
    await mkdir(again);
    await expect(
      saveVerifiedFiles(again, [
        { name: 'kubelet.sig', data: 'signature' },
        { name: 'kubelet', path: changed.path, sha256: changed.sha256 },
      ]),
    ).rejects.toMatchObject({ code: 'ARTIFACT_CHANGED', kind: 'io', message: expect.stringContaining('changed on disk after it was verified') });
    expect(await readdir(again)).toEqual([]);
  });
});

describe('a verified file read back (mirror --sbom carries the release SBOM this way)', () => {
  it('gives its bytes while they are the verified ones, and refuses them once changed', async () => {
    const release = await staged('release', 'SBOM as verified');
    expect((await readVerifiedFile(release, 'not carried')).toString('utf8')).toBe('SBOM as verified');
    await writeFile(release.path, 'SBOM changed since');
    await expect(readVerifiedFile(release, 'not carried')).rejects.toMatchObject({
      code: 'ARTIFACT_CHANGED',
      kind: 'io',
      message: expect.stringContaining('changed on disk after it was verified'),
    });
  });
});

describe.skipIf(realdataMissing)('the release SBOM', () => {
  const sbom = () => readFileSync(REAL_SBOM);

  it('is parsed when the staged file is the verified one', async () => {
    const parsed = await summariseVerified(await staged('release', sbom()), 'v1.25.4');
    expect(parsed.check).toMatchObject({ check: 'sbom', status: 'pass' });
    expect(parsed.document?.packages.length).toBeGreaterThan(0);
  });

  it('is not parsed, and fails ARTIFACT_CHANGED, when the staged file changed after its checks', async () => {
    const parsed = await summariseVerified(await staged('release', sbom(), 'SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\n'), 'v1.25.4');
    expect(parsed.check).toMatchObject({ check: 'sbom', status: 'fail', code: 'ARTIFACT_CHANGED' });
    expect(parsed.document).toBeUndefined();
  });
});
