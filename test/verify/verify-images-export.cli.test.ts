// verify-images --export-sbom: the inventory written with each image's outcome of this run, for Dependency-Track.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';
import { parseOciPurl } from '../../src/k8s/oci-purl.js';
import { runCli } from '../helpers/cli.js';
import { validateCycloneDx, validateSpdx23 } from '../helpers/json-schemas.js';
import { getTestPki } from '../helpers/pki/index.js';
import { registryMissing, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { makeImage, pushImage } from '../helpers/registry-push.js';
import { pushSignedRelease, releaseSbom, type PushedRelease } from '../helpers/registry-sbom.js';

const VERSION = 'v1.99.0';

interface Component {
  name: string;
  version?: string;
  purl?: string;
  properties: { name: string; value: string }[];
}
const property = (c: Component, name: string) => c.properties.filter((p) => p.name === name).map((p) => p.value);

describe.skipIf(registryMissing)('verify-images --export-sbom', () => {
  let registry: TestRegistry;
  let dir: string;
  let release: PushedRelease;
  const files = { root: '', sbom: '' };

  beforeAll(async () => {
    registry = await startRegistry();
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-vie-'));
    files.root = join(dir, 'trusted_root.json');
    await writeFile(files.root, (await getTestPki()).trustedRootText);
    release = await pushSignedRelease({ url: registry.url }, VERSION, ['kube-apiserver', 'kube-proxy'], ['amd64']);
    // One more image, pushed but never signed: it must be exported as failed, not left out.
    const unsigned = makeImage({ architecture: 'amd64' });
    await pushImage({ url: registry.url }, 'kube-scheduler-amd64', unsigned, VERSION);
    files.sbom = join(dir, 'release.spdx');
    await writeFile(
      files.sbom,
      releaseSbom(VERSION, [...release.images, { name: 'kube-scheduler', arch: 'amd64', diffIds: unsigned.layers.map((l) => l.diffId) }]),
    );
  });
  afterAll(async () => {
    await registry?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const run = (args: string[]) => runCli(['verify-images', ...args, '--trusted-root', files.root, '--registry-mirror', `registry.k8s.io=${registry.host}`]);

  it('CycloneDX: verified images pinned by the verified digest with signer and issuer; the unsigned one as failed', async () => {
    const out = join(dir, 'images.cdx.json');
    const r = await run([files.sbom, '--export-sbom', out]);
    expect(r.code).toBe(1);
    const bom = JSON.parse(await readFile(out, 'utf8')) as { components: Component[] };
    expect(validateCycloneDx(bom)).toEqual([]);
    expect(bom.components.map((c) => c.name).sort()).toEqual(
      ['kube-apiserver-amd64', 'kube-proxy-amd64', 'kube-scheduler-amd64'].map((n) => `registry.k8s.io/${n}`),
    );
    const byName = new Map(bom.components.map((c) => [c.name.split('/').pop(), c]));
    for (const name of ['kube-apiserver-amd64', 'kube-proxy-amd64']) {
      const c = byName.get(name)!;
      expect(property(c, 'kube-sbom:verification:status')).toEqual(['verified']);
      expect(property(c, 'kube-sbom:verification:signer-identity')).toHaveLength(1);
      expect(property(c, 'kube-sbom:verification:signer-issuer')).toHaveLength(1);
      const digest = property(c, 'kube-sbom:verification:digest')[0];
      expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(parseOciPurl(c.purl!)).toMatchObject({ registry: 'registry.k8s.io', repository: name, digest, tag: VERSION });
      // The signatures carry their Rekor entry, at the test PKI's default log index (test/helpers/pki/sign.ts).
      expect(property(c, 'kube-sbom:verification:rekor-log-index')).toEqual(['123456789']);
    }
    const unsigned = byName.get('kube-scheduler-amd64')!;
    expect(property(unsigned, 'kube-sbom:verification:status')).toEqual(['failed']);
    expect(property(unsigned, 'kube-sbom:verification:code')).toEqual(['NO_SIGNATURES']);
    expect(property(unsigned, 'kube-sbom:verification:signer-identity')).toEqual([]);
    expect(unsigned.purl).toBeUndefined();
  });

  it('SPDX: one annotation of facts per image; valid against the 2.3 schema', async () => {
    const out = join(dir, 'images.spdx.json');
    const r = await run([files.sbom, '--arch', 'amd64', '--name', 'kube-apiserver*', '--export-sbom', out, '--export-format', 'spdx-json']);
    expect(r.code, r.stderr).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(validateSpdx23(JSON.parse(text))).toEqual([]);
    const [pkg] = parseSbom(text).document.packages;
    expect(pkg?.annotations[0]?.comment).toMatch(/^kube-sbom:verification:status=verified$/m);
  });

  it('with --from: a usage error, nothing written', async () => {
    const list = join(dir, 'list.txt');
    await writeFile(list, `${registry.host}/kube-proxy-amd64:${VERSION}\n`);
    const out = join(dir, 'never.json');
    const r = await run(['--from', list, '--export-sbom', out]);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
