// The demo images: deterministic layers, config and manifest per image, written with their cosign signatures
// into an OCI image layout folder (the offline stand-in for registry.k8s.io).
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { OciLayoutWriter } from '../../../src/registry/index.js';
import { signImageLegacy, type SignOptions } from '../pki/index.js';
import { OCI_CONFIG, OCI_MANIFEST } from '../registry-push.js';
import { DEMO_ARCHES, DEMO_IMAGES, DEMO_VERSION, type DemoImage } from './demo-release.js';

const sha256 = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
const json = (value: unknown) => Buffer.from(JSON.stringify(value));

/** Bytes of one layer: a small made-up file system stand-in, the same every run. */
function layerBytes(name: string, arch: string, index: number): Buffer {
  const seed = `kube-sbom demo layer ${index} of ${name} for ${arch}`;
  return Buffer.concat([Buffer.from(`${seed}\n`), createHash('sha512').update(seed).digest(), Buffer.alloc(192, index + 1)]);
}

export async function writeDemoImages(dir: string, sign: SignOptions): Promise<DemoImage[]> {
  const layout = await OciLayoutWriter.open(dir);
  const images: DemoImage[] = [];
  for (const name of DEMO_IMAGES) {
    for (const arch of DEMO_ARCHES) {
      const layers = [0, 1].map((i) => {
        const raw = layerBytes(name, arch, i);
        return { blob: gzipSync(raw, { level: 9 }), diffId: sha256(raw) };
      });
      const config = json({
        architecture: arch,
        os: 'linux',
        config: { Labels: { 'org.kube-sbom.demo': 'true' } },
        rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
      });
      const manifest = json({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: { mediaType: OCI_CONFIG, digest: sha256(config), size: config.length },
        layers: layers.map((l) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha256(l.blob), size: l.blob.length })),
      });
      for (const l of layers) await layout.putBlob(l.blob);
      await layout.putBlob(config);
      const repository = `registry.k8s.io/${name}-${arch}`;
      const descriptor = await layout.putManifest(manifest, {
        mediaType: OCI_MANIFEST,
        refName: `${repository}:${DEMO_VERSION}`,
        platform: { os: 'linux', architecture: arch },
      });
      // kube-scheduler-arm64 stays unsigned, so the demo also shows what a failed image looks like.
      if (!(name === 'kube-scheduler' && arch === 'arm64')) {
        await layout.putLegacySignatures(repository, descriptor.digest, [await signImageLegacy(repository, descriptor.digest, sign)]);
      }
      images.push({ name, arch, diffIds: layers.map((l) => l.diffId) });
    }
  }
  await layout.save();
  return images;
}
