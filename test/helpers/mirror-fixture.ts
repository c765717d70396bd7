// Source images for mirror tests: a multi-arch image signed the legacy way (sha256-<hex>.sig) and an image signed
// with a Sigstore bundle referrer (fallback tag), sharing one layer so a copy can mount it; and a list naming them.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { signImageLegacy } from './pki/index.js';
import { makeImage, makeIndex, pushBundleReferrer, pushImage, pushLegacySignatures, pushManifest, OCI_INDEX, sha256, type TestImage } from './registry-push.js';
import { signImageBundle } from './registry-signatures.js';

export const MIRROR_TAG = 'v1.99.0';

export interface MirrorFixture {
  /** registry.k8s.io/... references, for --from. */
  listFile: string;
  apiserver: { repository: string; digest: string; children: TestImage[] };
  proxy: { repository: string; digest: string; image: TestImage; referrer: string };
  /** The layer both images share. */
  shared: { blob: Buffer; diffId: string };
  /** The largest blob (the one a test cuts mid-way). */
  bigBlobDigest: string;
}

/** Pushes both images to `url` and writes the list file into `dir`. */
export async function pushMirrorFixture(url: string, dir: string): Promise<MirrorFixture> {
  const target = { url };
  const rawShared = randomBytes(4096);
  const shared = { blob: gzipSync(rawShared), diffId: sha256(rawShared) };
  const withShared = (image: TestImage): TestImage => {
    const layers = [shared, ...image.layers];
    const config = Buffer.from(JSON.stringify({ ...image.platform, config: {}, rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) } }));
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(config), size: config.length },
        layers: layers.map((l) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha256(l.blob), size: l.blob.length })),
      }),
    );
    return { ...image, config, layers, manifest, digest: sha256(manifest) };
  };
  const children = [withShared(makeImage({ architecture: 'amd64', layerBytes: 256 * 1024 })), makeImage({ architecture: 'arm64' })];
  for (const child of children) await pushImage(target, 'kube-apiserver', child);
  const index = makeIndex(children);
  await pushManifest(target, 'kube-apiserver', MIRROR_TAG, index.bytes, OCI_INDEX);
  await pushLegacySignatures(target, 'kube-apiserver', index.digest, [await signImageLegacy('registry.k8s.io/kube-apiserver', index.digest)]);

  const image = withShared(makeImage({ architecture: 'amd64' }));
  const digest = await pushImage(target, 'kube-proxy', image, MIRROR_TAG);
  const bundle = await signImageBundle('registry.k8s.io/kube-proxy', digest);
  const referrer = await pushBundleReferrer(target, 'kube-proxy', { digest, size: image.manifest.length }, bundle);

  const listFile = join(dir, 'images.txt');
  await writeFile(listFile, `registry.k8s.io/kube-apiserver:${MIRROR_TAG}\nregistry.k8s.io/kube-proxy:${MIRROR_TAG}\n`);
  const big = children[0]!.layers.reduce((a, b) => (b.blob.length > a.blob.length ? b : a));
  return {
    listFile,
    apiserver: { repository: 'kube-apiserver', digest: index.digest, children },
    proxy: { repository: 'kube-proxy', digest, image, referrer },
    shared,
    bigBlobDigest: sha256(big.blob),
  };
}
