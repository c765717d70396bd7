// verify-images against a registry whose answers break the size limits: a manifest over 4 MiB, a signature manifest
// claiming 10 GB, a signature blob streamed past 1 MiB. Each fails its own image; the other images still verify.
// Before the fix undici's abort error was an uncaught 'error' event: the run died with no table and no JSON.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { getTestPki } from '../helpers/pki/index.js';
import { registryMissing, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { startProxy, type ProxyDecision, type TestProxy } from '../helpers/registry-proxy.js';
import { pushSignedRelease, type PushedRelease } from '../helpers/registry-sbom.js';

const VERSION = 'v1.99.0';
const sigTag = (digest: string) => `${digest.replace(':', '-')}.sig`;

describe.skipIf(registryMissing)('verify-images with oversized registry answers', () => {
  let registry: TestRegistry;
  let proxy: TestProxy;
  let dir: string;
  let release: PushedRelease;
  const files = { root: '', sbom: '' };

  beforeAll(async () => {
    registry = await startRegistry();
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-oversized-'));
    files.root = join(dir, 'trusted_root.json');
    await writeFile(files.root, (await getTestPki()).trustedRootText);
    release = await pushSignedRelease({ url: registry.url }, VERSION, ['kube-apiserver', 'kube-proxy', 'kube-scheduler'], ['amd64', 'arm64']);
    files.sbom = join(dir, 'release.spdx');
    await writeFile(files.sbom, release.sbom);
    const digestOf = (repo: string) => release.images.find((i) => i.repository === repo)!.image.digest;
    const sigManifest = await fetch(`${registry.url}/v2/kube-scheduler-arm64/manifests/${sigTag(digestOf('kube-scheduler-arm64'))}`, {
      headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
    });
    const sigBlob = ((await sigManifest.json()) as { layers: Array<{ digest: string }> }).layers[0]!.digest;
    proxy = await startProxy(registry.url, (req): ProxyDecision => {
      if (req.path === `/v2/kube-apiserver-arm64/manifests/${VERSION}`) {
        return { respond: { status: 200, headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json' }, body: Buffer.alloc(5 << 20, 0x20) } };
      }
      if (req.path === `/v2/kube-proxy-amd64/manifests/${sigTag(digestOf('kube-proxy-amd64'))}`) {
        return {
          respond: {
            status: 200,
            headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'content-length': String(10 * 1024 ** 3) },
            body: '{',
          },
        };
      }
      if (req.path === `/v2/kube-scheduler-arm64/blobs/${sigBlob}`) {
        return { respond: { status: 200, headers: { 'transfer-encoding': 'chunked' }, body: Buffer.alloc(3 << 20, 0x7b) } };
      }
      return undefined;
    });
  });
  afterAll(async () => {
    await proxy?.close();
    await registry?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const run = (args: string[]) =>
    runCli(['verify-images', files.sbom, ...args, '--trusted-root', files.root, '--registry-mirror', `registry.k8s.io=${proxy.host}`]);

  it('fails the three oversized images with RESPONSE_TOO_LARGE and verifies the other three (--json)', async () => {
    const r = await run(['--json']);
    expect(r.stderr).not.toMatch(/Unhandled|RequestAbortedError|\n\s+at /);
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout) as { summary: unknown; images: Array<{ reference: string; verified: boolean; code: string; message: string }> };
    expect(doc.summary).toEqual({ total: 6, verified: 3, failed: 0, unchecked: 3 });
    const failed = Object.fromEntries(doc.images.filter((i) => !i.verified).map((i) => [i.reference.replace(`:${VERSION}`, ''), i.code]));
    expect(failed).toEqual({
      'registry.k8s.io/kube-apiserver-arm64': 'RESPONSE_TOO_LARGE',
      'registry.k8s.io/kube-proxy-amd64': 'RESPONSE_TOO_LARGE',
      'registry.k8s.io/kube-scheduler-arm64': 'RESPONSE_TOO_LARGE',
    });
  });

  it('prints the summary table with one line per image', async () => {
    const r = await run([]);
    expect(r.stderr).not.toMatch(/Unhandled|RequestAbortedError|\n\s+at /);
    expect(r.code).toBe(3);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('ok'))).toHaveLength(3);
    expect(r.stdout).toMatch(/kube-proxy-amd64:v1\.99\.0\s+sha256:\S+\s+RESPONSE_TOO_LARGE/);
    expect(r.stdout).toContain('3 of 6 image(s) verified');
  });
});
