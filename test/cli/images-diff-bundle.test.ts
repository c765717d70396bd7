// `images VERSION --diff OTHER` offline on the far side: each release SBOM is checked with its own carried Sigstore
// bundle (--sbom-bundle for the first, --diff-sbom-bundle for the other); one release's bundle never vouches for the other.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { getTestPki } from '../helpers/pki/index.js';
import { publishSigned } from '../helpers/release-fixture.js';
import { ReleaseMirror } from '../helpers/release-mirror.js';
import { releaseSbom } from '../helpers/registry-sbom.js';

const layer = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`;

describe('images VERSION --diff OTHER with carried bundles', { timeout: 60_000 }, () => {
  let dir: string;
  let root: string;
  let sbomUrl: string;
  const bundles: Record<string, string> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-images-diff-bundle-'));
    root = join(dir, 'trusted_root.json');
    await writeFile(root, (await getTestPki()).trustedRootText);
    const site = join(dir, 'site');
    await publishSigned(
      site,
      join('sbom', 'v1.98.0', 'release'),
      Buffer.from(releaseSbom('v1.98.0', [{ name: 'kube-proxy', arch: 'amd64', diffIds: [layer(1)] }])),
    );
    await publishSigned(
      site,
      join('sbom', 'v1.99.0', 'release'),
      Buffer.from(
        releaseSbom('v1.99.0', [
          { name: 'kube-proxy', arch: 'amd64', diffIds: [layer(2)] },
          { name: 'kube-scheduler', arch: 'amd64', diffIds: [layer(3)] },
        ]),
      ),
    );
    // The connected side: verify-sbom -o writes each release's release.sigstore.json.
    const mirror = await ReleaseMirror.start(site);
    try {
      for (const version of ['v1.98.0', 'v1.99.0']) {
        const out = join(dir, 'carried', version);
        const r = await runCli([
          'verify-sbom',
          version,
          '--sbom-url',
          mirror.sbomUrl,
          '--rekor-url',
          mirror.rekorUrl,
          '--no-cache',
          '--trusted-root',
          root,
          '-o',
          out,
        ]);
        expect(r.code, r.stderr).toBe(0);
        bundles[version] = join(out, 'release.sigstore.json');
      }
    } finally {
      await mirror.close();
    }
    sbomUrl = pathToFileURL(join(site, 'sbom')).href;
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const diff = (extra: string[]) =>
    runCli(['images', 'v1.99.0', '--diff', 'v1.98.0', '--sbom-url', sbomUrl, '--offline', '--no-cache', '--trusted-root', root, '--json', ...extra]);

  it('checks each release with its own bundle and prints what changed (exit 0)', async () => {
    const r = await diff(['--sbom-bundle', bundles['v1.99.0']!, '--diff-sbom-bundle', bundles['v1.98.0']!]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { removed: string[]; changed: Array<{ key: string; layersAdded: string[] }> };
    expect(report.removed).toEqual(['registry.k8s.io/kube-scheduler-amd64:v1.99.0']);
    expect(report.changed.map((c) => [c.key, c.layersAdded])).toEqual([['kube-proxy-amd64 amd64', [layer(1)]]]);
  });

  it("never lets the first release's bundle vouch for the other", async () => {
    const r = await diff(['--sbom-bundle', bundles['v1.99.0']!]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('for the --diff release: --diff-rekor-entry or --diff-sbom-bundle');
    // The other release's bundle given for it instead fails: it does not hold v1.99.0's signature.
    const swapped = await diff(['--sbom-bundle', bundles['v1.98.0']!, '--diff-sbom-bundle', bundles['v1.98.0']!]);
    expect(swapped.code).toBe(1);
  });

  it('refuses --diff-sbom-bundle without --diff VERSION (exit 2)', async () => {
    const alone = await runCli(['images', 'v1.99.0', '--diff-sbom-bundle', bundles['v1.98.0']!, '--offline']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--diff-rekor-entry and --diff-sbom-bundle are for the release given with --diff VERSION');
  });
});
