import { describe, expect, it } from 'vitest';
import type { ContainerImage } from '../../src/k8s/image-types.js';
import { resolveImageDigests } from '../../src/k8s/pin-images.js';
import { releaseVersionOf } from '../../src/k8s/release-version.js';

describe('releaseVersionOf', () => {
  it('reads the namespace first, then the document name', () => {
    expect(releaseVersionOf({ documentNamespace: 'https://sbom.k8s.io/v1.25.4/release', name: 'x' })).toBe('v1.25.4');
    expect(releaseVersionOf({ documentNamespace: 'https://sbom.k8s.io/v1.30.0-rc.1/release', name: 'x' })).toBe('v1.30.0-rc.1');
    expect(releaseVersionOf({ documentNamespace: 'urn:uuid:1234', name: 'Kubernetes Release v2.0.0' })).toBe('v2.0.0');
    expect(releaseVersionOf({ documentNamespace: 'https://spdx.org/spdxdocs/k8s-releng-bom-f3d6', name: 'SBOM-SPDX-1edbb2ba' })).toBeUndefined();
  });
});

describe('resolveImageDigests (--pin)', () => {
  const image = (reference: string, digest?: string) => ({ reference, ...(digest ? { digest } : {}) }) as ContainerImage;
  it('asks once per distinct reference, never for images whose document carries a digest', async () => {
    const asked: string[] = [];
    const digests = await resolveImageDigests(
      [image('r/a:v1'), image('r/b:v1'), image('r/a:v1'), image('r/c@sha256:cc', 'sha256:cc')],
      async (ref) => {
        asked.push(ref);
        return `sha256:${ref.length}`;
      },
      { concurrency: 2 },
    );
    expect(asked.sort()).toEqual(['r/a:v1', 'r/b:v1']);
    expect([...digests].sort()).toEqual([
      ['r/a:v1', 'sha256:6'],
      ['r/b:v1', 'sha256:6'],
      ['r/c@sha256:cc', 'sha256:cc'],
    ]);
  });
  it('fails as a whole when one lookup fails', async () => {
    await expect(
      resolveImageDigests([image('r/a:v1'), image('r/b:v1')], async (ref) => {
        if (ref === 'r/b:v1') throw new Error('no such image');
        return 'sha256:1';
      }),
    ).rejects.toThrow('no such image');
  });
});
