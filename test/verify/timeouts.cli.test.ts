// --timeout on every network command: a registry that never answers, one that asks to come back in an hour, and a
// release mirror that accepts the request and never answers. Each run ends by its deadline with exit 3 and one line
// that says what timed out, where, and how to allow more.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realdataMissing, runCli } from '../helpers/cli.js';
import { getTestPki, GOOGLE_ISSUER, K8S_BLOB_IDENTITY, signBlob } from '../helpers/pki/index.js';
import { startRawServer, type RawServer } from '../helpers/raw-http-server.js';
import { releaseSbom } from '../helpers/registry-sbom.js';
import { pristineRelease, releaseEnv, removePristine } from './release-env.js';

const timed = async (run: () => ReturnType<typeof runCli>) => {
  const started = Date.now();
  const r = await run();
  return { ...r, ms: Date.now() - started };
};

describe('--timeout with registries', () => {
  let silent: RawServer;
  let busy: RawServer;
  let dir: string;
  const files = { root: '', sbom: '' };

  beforeAll(async () => {
    silent = await startRawServer(() => undefined);
    busy = await startRawServer((socket) => socket.end('HTTP/1.1 429 Too Many Requests\r\nRetry-After: 3600\r\nContent-Length: 0\r\n\r\n'));
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-timeouts-'));
    files.root = join(dir, 'trusted_root.json');
    await writeFile(files.root, (await getTestPki()).trustedRootText);
    files.sbom = join(dir, 'release.spdx');
    await writeFile(files.sbom, releaseSbom('v1.99.0', [{ name: 'kube-proxy', arch: 'amd64', diffIds: [`sha256:${'a'.repeat(64)}`] }]));
  });
  afterAll(async () => {
    await silent?.close();
    await busy?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  const hostOf = (s: RawServer) => s.url.slice('http://'.length);

  it('verify-image: a registry that never answers fails the image at the deadline (exit 3)', async () => {
    const ref = `${hostOf(silent)}/team/app:v1`;
    const r = await timed(() => runCli(['verify-image', ref, '--trusted-root', files.root, '--timeout', '1s']));
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(`${ref}: not verified within --timeout 1s (registry ${hostOf(silent)} too slow or not answering); raise --timeout`);
    expect(r.stderr).toContain('IMAGE_TIMEOUT');
    expect(r.ms).toBeLessThan(5000);
  });

  it('verify-image: a Retry-After of an hour is reported, not waited for (exit 3)', async () => {
    const r = await timed(() => runCli(['verify-image', `${hostOf(busy)}/team/app:v1`, '--trusted-root', files.root]));
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/registry answered HTTP 429, asking to retry after 3600 s; try again later/);
    expect(r.ms).toBeLessThan(5000);
  });

  it('verify-images: the registry check up front ends at the deadline (exit 3)', async () => {
    const r = await timed(() =>
      runCli(['verify-images', files.sbom, '--trusted-root', files.root, '--registry-mirror', `registry.k8s.io=${hostOf(silent)}`, '--timeout', '1s']),
    );
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(`registry ${hostOf(silent)}: no answer at /v2/ within --timeout 1s; check the host, or raise --timeout [REGISTRY_TIMEOUT]`);
    expect(r.ms).toBeLessThan(5000);
  });

  it('images --pin: resolving a tag ends at the deadline (exit 3)', async () => {
    const r = await timed(() => runCli(['images', files.sbom, '--pin', '--registry-mirror', `registry.k8s.io=${hostOf(silent)}`, '--timeout', '1s']));
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/kube-proxy-amd64:v1\.99\.0: not resolved within --timeout 1s .*raise --timeout.*\[IMAGE_TIMEOUT\]/);
    expect(r.ms).toBeLessThan(5000);
  });

  it('verify-blob online: a Rekor that never answers is given up on after --timeout (exit 3)', async () => {
    const artifact = Buffer.from('an artifact\n');
    const signed = await signBlob(artifact);
    await writeFile(join(dir, 'artifact'), artifact);
    await writeFile(join(dir, 'artifact.sig'), signed.signatureB64);
    await writeFile(join(dir, 'artifact.cert'), signed.certificateB64);
    const r = await timed(() =>
      runCli([
        'verify-blob',
        join(dir, 'artifact'),
        '--signature',
        join(dir, 'artifact.sig'),
        '--certificate',
        join(dir, 'artifact.cert'),
        '--certificate-identity',
        K8S_BLOB_IDENTITY,
        '--certificate-oidc-issuer',
        GOOGLE_ISSUER,
        '--trusted-root',
        files.root,
        '--rekor-url',
        silent.url,
        '--timeout',
        '1s',
      ]),
    );
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(new RegExp(`${silent.url}/api/v1/index/retrieve: no answer within 1000 ms`));
    expect(r.ms).toBeLessThan(5000);
  });

  it('refuses a --timeout that is not a duration (exit 2)', async () => {
    const r = await runCli(['verify-image', `${hostOf(silent)}/team/app:v1`, '--timeout', 'soon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--timeout soon: give a duration');
  });
});

describe.skipIf(realdataMissing)('--timeout with release downloads', () => {
  beforeAll(async () => {
    await pristineRelease();
  });
  afterAll(removePristine);

  it.each(['verify-sbom', 'verify-binary'])('%s: a mirror that never answers fails at the deadline, leaving nothing (exit 3)', async (command) => {
    const env = await releaseEnv();
    try {
      env.mirror.inject('/sbom/v1.25.4/release', { kind: 'hang' }, 4);
      const args =
        command === 'verify-sbom' ? ['verify-sbom', 'v1.25.4'] : ['verify-binary', 'kubectl', '--version', 'v1.25.4', '--os', 'linux', '--arch', 'amd64'];
      // The idle timeout alone would wait 30 s per attempt.
      const r = await timed(() => runCli([...args, ...env.flags, '--idle-timeout', '30000', '--timeout', '1s', '-o', env.outDir]));
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toContain(`${env.mirror.sbomUrl}/v1.25.4/release: not downloaded within --timeout 1s; raise --timeout`);
      expect(r.ms).toBeLessThan(6000);
      const { listFiles } = await import('./release-env.js');
      expect(await listFiles(env.outDir)).toEqual([]);
      expect(await listFiles(env.cacheDir)).toEqual([]);
    } finally {
      await env.close();
    }
  });
});
