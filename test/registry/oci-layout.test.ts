// The OCI layout folder behind the same interface as a registry: written by the writer, read by the reader.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OciLayoutSource, OciLayoutWriter, fetchImageManifest, parseReference, platformManifest, resolveDigest } from '../../src/registry/index.js';
import { makeImage, makeIndex, OCI_INDEX, OCI_MANIFEST, sha256 } from '../helpers/registry-push.js';

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (err: { code?: string }) => err.code ?? String(err),
  );

describe('OCI image layout', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-layout-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function writeSample() {
    const amd64 = makeImage({ architecture: 'amd64' });
    const arm64 = makeImage({ architecture: 'arm64' });
    const writer = await OciLayoutWriter.open(dir);
    for (const image of [amd64, arm64]) {
      for (const layer of image.layers) await writer.putBlob(layer.blob);
      await writer.putBlob(image.config);
      await writer.putManifest(image.manifest, { mediaType: OCI_MANIFEST });
    }
    const index = makeIndex([amd64, arm64]);
    await writer.putManifest(index.bytes, { mediaType: OCI_INDEX, refName: 'registry.k8s.io/kube-proxy:v1.30.0' });
    await writer.save();
    return { amd64, arm64, index };
  }

  it('resolves full-reference tags and walks to a platform', async () => {
    const { arm64, index } = await writeSample();
    const source = new OciLayoutSource(dir);
    const resolved = await resolveDigest('registry.k8s.io/kube-proxy:v1.30.0', { source });
    expect(resolved.digest).toBe(index.digest);
    const ref = parseReference('registry.k8s.io/kube-proxy:v1.30.0');
    const chosen = await platformManifest(source, ref, await fetchImageManifest(source, ref), { os: 'linux', architecture: 'arm64' });
    expect(chosen.digest).toBe(arm64.digest);
    expect(await codeOf(resolveDigest('registry.k8s.io/kube-proxy:v9', { source }))).toBe('IMAGE_NOT_FOUND');
  });

  it('checks blobs against their digests (DIGEST_MISMATCH on a modified file)', async () => {
    const { amd64 } = await writeSample();
    await writeFile(join(dir, 'blobs', 'sha256', sha256(amd64.config).slice(7)), '{"rootfs":{"diff_ids":[]}}');
    const source = new OciLayoutSource(dir);
    expect(await codeOf(source.fetchBlob(parseReference('registry.k8s.io/kube-proxy'), sha256(amd64.config), 1 << 20))).toBe('DIGEST_MISMATCH');
  });

  it('finds referrers by their subject', async () => {
    const { index } = await writeSample();
    const writer = await OciLayoutWriter.open(dir);
    const empty = await writer.putBlob(Buffer.from('{}'));
    const referrer = await writer.putManifest(
      {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        config: { mediaType: 'application/vnd.oci.empty.v1+json', ...empty },
        layers: [],
        subject: { mediaType: OCI_INDEX, digest: index.digest, size: index.bytes.length },
      },
      { mediaType: OCI_MANIFEST },
    );
    await writer.save();
    const found = await new OciLayoutSource(dir).listReferrers(parseReference('registry.k8s.io/kube-proxy'), index.digest);
    expect(found.map((d) => d.digest)).toEqual([referrer.digest]);
  });

  it('says NOT_AN_OCI_LAYOUT for a folder that is not one', async () => {
    expect(await codeOf(resolveDigest('registry.k8s.io/x:v1', { source: new OciLayoutSource(join(dir, 'missing')) }))).toBe('NOT_AN_OCI_LAYOUT');
  });
});
