// The one mapping from an SBOM image to what verify-images checks, shared by the command and the UI.
import { describe, expect, it } from 'vitest';
import type { ContainerImage } from '../../src/k8s/image-types.js';
import { imageToVerify, referencesToVerify } from '../../src/verify/image-to-verify.js';

const image = (reference: string, extra: Partial<ContainerImage> = {}): ContainerImage => ({
  reference,
  registry: 'r',
  repository: reference.slice(2),
  kind: 'archive',
  layers: ['sha256:aa', 'sha256:bb'],
  archiveChecksums: [],
  spdxId: `SPDXRef-${reference}`,
  ...extra,
});

describe('imageToVerify', () => {
  it('carries the platform and layers the SBOM lists; linux/amd64 and diff IDs when it says nothing', () => {
    expect(imageToVerify(image('r/a:v1', { os: 'windows', architecture: 'arm64', layerDigestKind: 'blob' }))).toEqual({
      reference: 'r/a:v1',
      platform: { os: 'windows', architecture: 'arm64' },
      layers: ['sha256:aa', 'sha256:bb'],
      layerKind: 'blob',
    });
    expect(imageToVerify(image('r/b:v1'))).toMatchObject({ platform: { os: 'linux', architecture: 'amd64' }, layerKind: 'diff-id' });
  });

  it('keeps the order asked for, and checks a reference the SBOM does not list by its signature alone', () => {
    const got = referencesToVerify(['r/x:v1', 'r/a:v1'], [image('r/a:v1', { architecture: 'arm64' })]);
    expect(got).toEqual([{ reference: 'r/x:v1' }, expect.objectContaining({ reference: 'r/a:v1', platform: { os: 'linux', architecture: 'arm64' } })]);
  });
});
