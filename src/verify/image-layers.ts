// The check nobody else makes: the layers the registry serves for an image are the layers the release SBOM lists.
import { MAX_CONFIG_BYTES, type ImageSource } from '../registry/source.js';
import { parseImageConfig } from '../registry/manifest.js';
import { platformManifest } from '../registry/resolve.js';
import type { FetchedManifest, Platform } from '../registry/manifest.js';
import type { ImageReference } from '../registry/reference.js';
import type { ImageCheck } from './image-signature.js';

export interface ExpectedLayers {
  /** The platform the SBOM names the image for (an index is walked down to it). */
  platform: Platform;
  /** The SBOM's layer packages: uncompressed digests (the config's rootfs.diff_ids) or, for image SBOMs, blob digests. */
  layers: string[];
  /** diff-id (release SBOMs, the default) compares with rootfs.diff_ids; blob with the manifest's layer digests. */
  kind?: 'diff-id' | 'blob';
}

const sorted = (xs: string[]) => [...xs].sort();

/** Compares the registry's layers (config rootfs.diff_ids or manifest layer digests, all digest-checked) with the SBOM's, order aside. */
export async function checkSbomLayers(source: ImageSource, reference: ImageReference, top: FetchedManifest, expected: ExpectedLayers): Promise<ImageCheck> {
  if (expected.layers.length === 0) {
    return {
      check: 'sbom-layers',
      status: 'fail',
      code: 'SBOM_LAYERS_MISSING',
      message: 'the SBOM lists no layer packages for this image; nothing to compare the registry with',
    };
  }
  const { manifest } = await platformManifest(source, reference, top, expected.platform);
  const config = parseImageConfig(await source.fetchBlob(reference, manifest.config.digest, MAX_CONFIG_BYTES));
  const blobs = expected.kind === 'blob';
  if (config.architecture && config.architecture !== expected.platform.architecture) {
    return {
      check: 'sbom-layers',
      status: 'fail',
      code: 'SBOM_ARCH_MISMATCH',
      message: `registry image is for ${config.os ?? '?'}/${config.architecture}, the SBOM lists it for ${expected.platform.architecture}`,
    };
  }
  const served = sorted(blobs ? manifest.layers.map((l) => l.digest) : config.diffIds);
  const listed = sorted(expected.layers);
  if (served.length === listed.length && served.every((d, i) => d === listed[i])) {
    return { check: 'sbom-layers', status: 'pass', code: 'OK', message: `${served.length} layer(s) served by the registry match the SBOM's layer packages` };
  }
  const missing = listed.filter((d) => !served.includes(d));
  const extra = served.filter((d) => !listed.includes(d));
  const short = (d: string) => d.slice(0, 19);
  return {
    check: 'sbom-layers',
    status: 'fail',
    code: 'SBOM_LAYER_MISMATCH',
    message:
      `registry serves ${served.length} layer(s), the SBOM lists ${listed.length}` +
      (missing.length ? `; in the SBOM but not served: ${missing.map(short).join(', ')}` : '') +
      (extra.length ? `; served but not in the SBOM: ${extra.map(short).join(', ')}` : ''),
  };
}
