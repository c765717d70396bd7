// Reference parsing follows Docker's rules, and WWW-Authenticate parsing reads real registries' challenges.
import { describe, expect, it } from 'vitest';
import { parseChallenges } from '../../src/registry/challenge.js';
import { createLimiter } from '../../src/registry/limiter.js';
import { formatReference, isLoopbackHost, parseReference, pinnedReference } from '../../src/registry/reference.js';

const D = `sha256:${'ab'.repeat(32)}`;

describe('parseReference', () => {
  it.each([
    ['registry.k8s.io/kube-apiserver-amd64:v1.25.4', { registry: 'registry.k8s.io', repository: 'kube-apiserver-amd64', tag: 'v1.25.4' }],
    [
      'registry.k8s.io/cluster-api/cluster-api-controller:v1.5.0',
      { registry: 'registry.k8s.io', repository: 'cluster-api/cluster-api-controller', tag: 'v1.5.0' },
    ],
    ['alpine', { registry: 'docker.io', repository: 'library/alpine' }],
    ['bitnami/redis:7', { registry: 'docker.io', repository: 'bitnami/redis', tag: '7' }],
    ['index.docker.io/library/alpine', { registry: 'docker.io', repository: 'library/alpine' }],
    ['localhost/app', { registry: 'localhost', repository: 'app' }],
    [`127.0.0.1:5000/team/app:v1@${D}`, { registry: '127.0.0.1:5000', repository: 'team/app', tag: 'v1', digest: D }],
    [`k8s.gcr.io/pause@${D}`, { registry: 'k8s.gcr.io', repository: 'pause', digest: D }],
  ])('%s', (input, expected) => {
    expect(parseReference(input)).toEqual(expected);
  });

  it.each(['', 'Registry.k8s.io/UPPER', 'registry.k8s.io/app:bad tag', 'registry.k8s.io/app@sha256:short', 'a//b', 'x/y:-tag'])(
    'rejects %j with INVALID_REFERENCE',
    (input) => {
      expect(() => parseReference(input)).toThrow(expect.objectContaining({ code: 'INVALID_REFERENCE', kind: 'usage' }));
    },
  );

  it('formats and pins', () => {
    const ref = parseReference('registry.k8s.io/pause:3.9');
    expect(formatReference(ref)).toBe('registry.k8s.io/pause:3.9');
    expect(pinnedReference(ref, D)).toBe(`registry.k8s.io/pause@${D}`);
  });

  it('knows loopback hosts', () => {
    expect(['127.0.0.1:5000', 'localhost', '[::1]:5000', '127.0.0.2'].map(isLoopbackHost)).toEqual([true, true, true, true]);
    expect(['registry.k8s.io', '10.0.0.1:5000', 'localhost.example.com'].map(isLoopbackHost)).toEqual([false, false, false]);
  });
});

describe('parseChallenges', () => {
  it('reads a registry Bearer challenge with quoted, comma-holding values', () => {
    const header = 'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull,push"';
    expect(parseChallenges(header)).toEqual([
      { scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/alpine:pull,push' } },
    ]);
  });

  it('reads several challenges in one header', () => {
    expect(parseChallenges('Basic realm="x", Bearer realm="https://t/token"').map((c) => c.scheme)).toEqual(['basic', 'bearer']);
  });
});

describe('createLimiter', () => {
  it('never runs more than the limit at once', async () => {
    const limiter = createLimiter(3);
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        limiter.run(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 2));
          active--;
        }),
      ),
    );
    expect(peak).toBe(3);
  });
});
