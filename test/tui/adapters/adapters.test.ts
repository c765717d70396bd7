// The real adapters behind the ports: the v1.25.4 release SBOM as a view, export through the export writers, and
// the offline demo's release and images verified through the real use cases.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPorts, type TuiSettings } from '../../../src/tui/adapters/index.js';
import { loadDemo, samplesDir } from '../../../src/tui/samples.js';
import type { ImageResult, ReleaseEvent } from '../../../src/tui/ports.js';
import { realdata, realdataMissing, runCli } from '../../helpers/cli.js';

const V1254 = realdata('k8s', 'release-sbom', 'kubernetes-v1.25.4-release.spdx');
let exportDir: string;
beforeAll(async () => {
  exportDir = await mkdtemp(join(tmpdir(), 'kube-sbom-tui-adapters-'));
});
afterAll(() => rm(exportDir, { recursive: true, force: true }));

function settings(extra: Partial<TuiSettings> = {}): TuiSettings {
  return {
    sbomUrl: 'https://sbom.k8s.io',
    dlUrl: 'https://dl.k8s.io',
    rekorUrl: 'https://rekor.sigstore.dev',
    releaseIdentity: 'krel-staging@k8s-releng-prod.iam.gserviceaccount.com',
    imageIdentity: 'krel-trust@k8s-releng-prod.iam.gserviceaccount.com',
    issuer: 'https://accounts.google.com',
    offline: true,
    allowHttpRegistry: false,
    exportDir,
    maxBytes: 64 << 20,
    concurrency: 4,
    versions: [],
    ...extra,
  };
}

describe.skipIf(realdataMissing)('document view of the v1.25.4 release SBOM', () => {
  it('has every element with its kind, 25 images, and details with relationships both ways', async () => {
    const view = await createPorts(settings()).openFile(V1254);
    expect(view.rows).toHaveLength(243);
    expect(view.images).toHaveLength(25);
    const kinds = (k: string) => view.rows.filter((r) => r.kind === k).length;
    expect(kinds('image')).toBe(25);
    expect(kinds('layer')).toBeGreaterThan(25);
    expect(kinds('binary')).toBeGreaterThan(10);
    const detail = view.detail('SPDXRef-Package-registry.k8s.io-kube-apiserver-amd64-v1.25.4')!;
    expect(detail.kind).toBe('image');
    expect(detail.checksums.map((c) => c.algorithm)).toEqual(['SHA1', 'SHA256', 'SHA512']);
    expect(detail.image?.reference).toBe('registry.k8s.io/kube-apiserver-amd64:v1.25.4');
    expect(detail.image?.layers.length).toBe(detail.outgoing.filter((l) => l.type === 'CONTAINS').length);
    expect(detail.incoming).toEqual([expect.objectContaining({ type: 'DESCRIBES', id: 'SPDXRef-DOCUMENT', navigable: false })]);
    const layer = detail.outgoing[0]!;
    expect(layer.navigable).toBe(true);
    expect(view.detail(layer.id)!.incoming.map((l) => l.id)).toContain(detail.spdxId);
    expect(view.summary).toMatchObject({ format: 'tag-value', spdxVersion: 'SPDX-2.3', packages: 130, files: 113, relationships: 268 });
  });

  it('exports the image list exactly as `kube-sbom images` prints it, atomically into the export folder', async () => {
    const ports = createPorts(settings());
    const view = await ports.openFile(V1254);
    const references = view.images.map((i) => i.reference);
    const result = await ports.exportFile(view, { kind: 'images', format: 'txt', pinned: false, references, digests: {} });
    expect(result).toEqual({ path: join(exportDir, 'kube-sbom-images.txt'), count: 25 });
    const cli = await runCli(['images', V1254, '--format', 'txt']);
    expect(await readFile(result.path, 'utf8')).toBe(cli.stdout);
    const yaml = await ports.exportFile(view, { kind: 'images', format: 'yaml', pinned: false, references: references.slice(0, 2), digests: {} });
    expect(await readFile(yaml.path, 'utf8')).toMatch(/count: 2\n/);
  });

  it('opens the same document by file:// URL', async () => {
    const view = await createPorts(settings()).openFile(pathToFileURL(V1254).href);
    expect(view.images).toHaveLength(25);
    expect(view.source).toBe(pathToFileURL(V1254).href);
  });

  it('refuses an unreadable file with a coded error', async () => {
    await expect(createPorts(settings()).openFile(join(exportDir, 'nope.spdx'))).rejects.toMatchObject({ code: expect.stringMatching(/NOT_FOUND|ENOENT/) });
  });
});

describe.skipIf(existsSync(join(samplesDir(), 'demo.json')) ? undefined : 'samples/ is missing')('the offline demo through the real use cases', () => {
  it('verifies the demo release with live events, then its images from the OCI layout', async () => {
    const demo = await loadDemo();
    const ports = createPorts(settings(), { version: demo.version, banner: 'DEMO', settings: settings({ ...demo, ociLayout: demo.ociLayout }) });
    const events: ReleaseEvent[] = [];
    const outcome = await ports.verifyRelease(demo.version, (e) => events.push(e));
    expect(outcome.verified).toBe(true);
    expect(outcome.checks.map((c) => [c.id, c.status])).toEqual([
      ['sha256', 'pass'],
      ['sha512', 'pass'],
      ['signature', 'pass'],
      ['parse', 'pass'],
    ]);
    expect(outcome.checks[2]!.details).toEqual(
      expect.arrayContaining([`identity ${demo.releaseIdentity}`, expect.stringMatching(/^Rekor time 2025-03-04T10:00:20/)]),
    );
    expect(events.filter((e) => e.type === 'check').map((e) => (e as { check: { id: string } }).check.id)).toEqual(['sha256', 'sha512', 'signature', 'parse']);
    expect(events.some((e) => e.type === 'download' && e.label === 'release' && e.done)).toBe(true);
    const view = outcome.view!;
    expect(view.demo).toBe(true);
    expect(view.images).toHaveLength(6);
    const live: ImageResult[] = [];
    const results = await ports.verifyImages(
      view,
      view.images.map((i) => i.reference),
      (r) => live.push(r),
    );
    expect(results.map((r) => r.status)).toEqual(['verified', 'verified', 'verified', 'verified', 'verified', 'failed']);
    expect(results[5]).toMatchObject({ reference: 'registry.k8s.io/kube-scheduler-arm64:v1.99.0', code: 'NO_SIGNATURES' });
    expect(results[5]!.digest).toBeUndefined();
    expect(results[0]!.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(live.filter((r) => r.status === 'running')).toHaveLength(6);
  });

  it('a demo release checked against the wrong signer does not verify and yields no document', async () => {
    const demo = await loadDemo();
    const outcome = await createPorts(settings({ ...demo, releaseIdentity: 'someone@else.example' })).verifyRelease(demo.version, () => undefined);
    expect(outcome.verified).toBe(false);
    expect(outcome.view).toBeUndefined();
    expect(outcome.checks.find((c) => c.id === 'signature')).toMatchObject({ status: 'fail' });
  });

  it("a document opened alongside the demo is the user's: its images are looked for where the user said, not in samples/", async () => {
    const demo = await loadDemo();
    const userLayout = join(exportDir, 'user-layout');
    const ports = createPorts(settings({ ociLayout: userLayout }), { version: demo.version, banner: 'DEMO', settings: settings({ ...demo }) });
    const view = await ports.openFile(join(samplesDir(), 'sbom', demo.version, 'release'));
    expect(view.demo).toBeUndefined();
    const [result] = await ports.verifyImages(view, [view.images[0]!.reference], () => undefined);
    expect(result!.status).not.toBe('verified');
    expect(result!.message).toContain(userLayout);
    expect(result!.message).not.toContain(demo.ociLayout);
  });
});
