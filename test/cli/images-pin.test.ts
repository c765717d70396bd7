// `images --pin` against a real OCI registry (Debian's docker-registry) standing in for registry.k8s.io.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realdata, realdataMissing, runCli } from '../helpers/cli.js';
import { registryMissing, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { makeImage, pushImage, pushMultiArch } from '../helpers/registry-push.js';

const skip = realdataMissing ?? registryMissing;
const REPOS = ['conformance-amd64', 'kube-apiserver-amd64', 'kube-controller-manager-amd64', 'kube-proxy-amd64', 'kube-scheduler-amd64'];

describe.skipIf(skip)('images --pin through a registry', () => {
  const v125 = realdata('k8s', 'release-sbom', 'kubernetes-v1.25.4-release.spdx');
  let registry: TestRegistry;
  const digests = new Map<string, string>();
  beforeAll(async () => {
    registry = await startRegistry();
    for (const repo of REPOS) {
      // kube-proxy is published as an index, the others as plain manifests: --pin takes whatever the tag points at.
      const digest =
        repo === 'kube-proxy-amd64'
          ? await pushMultiArch({ url: registry.url }, repo, [makeImage({ architecture: 'amd64' }), makeImage({ architecture: 'arm64' })], 'v1.25.4')
          : await pushImage({ url: registry.url }, repo, makeImage(), 'v1.25.4');
      digests.set(repo, digest);
    }
  }, 60_000);
  afterAll(async () => registry?.stop());

  const mirror = () => ['--registry-mirror', `registry.k8s.io=${registry.host}`];

  it('resolves every tag to the digest the registry serves', async () => {
    const { stdout, stderr, code } = await runCli(['images', v125, '--arch', 'amd64', '--pin', ...mirror()]);
    expect(code, stderr).toBe(0);
    expect(stdout.split('\n').filter(Boolean)).toEqual(REPOS.map((r) => `registry.k8s.io/${r}@${digests.get(r)}`).sort());
  });

  it('--keep-tag keeps the tag before the digest, in JSON too', async () => {
    const { stdout, code } = await runCli(['images', v125, '--arch', 'amd64', '--name', 'kube-proxy*', '--pin', '--keep-tag', '--format', 'json', ...mirror()]);
    expect(code).toBe(0);
    const [image] = JSON.parse(stdout).images;
    expect(image.pinned).toBe(`registry.k8s.io/kube-proxy-amd64:v1.25.4@${digests.get('kube-proxy-amd64')}`);
    expect(image.digest).toBe(digests.get('kube-proxy-amd64'));
  });

  it('fails closed when one image is missing from the registry: exit 1, nothing printed or written', async () => {
    const { stdout, stderr, code } = await runCli(['images', v125, '--arch', 'arm64', '--pin', ...mirror()]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/no such image.*\[IMAGE_NOT_FOUND\]/);
  });

  it('an unreachable registry is exit 3', async () => {
    const { code, stderr } = await runCli(['images', v125, '--arch', 'amd64', '--pin', '--registry-mirror', 'registry.k8s.io=127.0.0.1:9'], {
      timeoutMs: 120_000,
    });
    expect(code).toBe(3);
    expect(stderr).toContain('kube-sbom:');
  }, 120_000);
});
