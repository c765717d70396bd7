// --registry-mirror FROM=HOST/PREFIX: the repository moves under PREFIX on HOST; a bare HOST keeps the path; an
// image of another registry is not redirected; a prefix that is no repository path is a usage error.
import { describe, expect, it } from 'vitest';
import { parseMirrors } from '../../src/cli/registry-mirrors.js';
import { mirrorHost, mirrorTarget } from '../../src/registry/mirror-target.js';

describe('mirror targets', () => {
  const mirrors = parseMirrors(['registry.k8s.io=mirror.example:5000/team/k8s', 'ghcr.io=127.0.0.1:5000'])!;

  it('puts the repository under the prefix, keeps it under a bare host, leaves other registries alone', () => {
    expect(mirrorTarget({ registry: 'registry.k8s.io', repository: 'kube-apiserver-amd64' }, mirrors)).toEqual({
      host: 'mirror.example:5000',
      repository: 'team/k8s/kube-apiserver-amd64',
    });
    expect(mirrorTarget({ registry: 'ghcr.io', repository: 'org/app' }, mirrors)).toEqual({ host: '127.0.0.1:5000', repository: 'org/app' });
    expect(mirrorTarget({ registry: 'docker.io', repository: 'library/nginx' }, mirrors)).toEqual({
      host: 'registry-1.docker.io',
      repository: 'library/nginx',
    });
    expect(mirrorHost(mirrors['registry.k8s.io']!)).toBe('mirror.example:5000');
  });

  it.each(['registry.k8s.io=host/UPPER', 'registry.k8s.io=host/', 'registry.k8s.io=host//k8s', 'registry.k8s.io=host/-k8s', 'registry.k8s.io'])(
    'refuses %s with a usage error that shows both forms',
    (value) => {
      expect(() => parseMirrors([value])).toThrow(
        expect.objectContaining({ code: 'OPTION_INVALID', kind: 'usage', message: expect.stringContaining('FROM=HOST/PREFIX') }),
      );
    },
  );
});
