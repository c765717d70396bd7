// `images --multi-arch --pin`: a multi-arch reference resolved to its index digest, and the index proven to hold the
// release's images: every platform the SBOM lists is in the index and serves the SBOM's layers (rootfs.diff_ids).
import { KubeSbomError } from '../common/errors.js';
import type { ContainerImage } from '../k8s/image-types.js';
import type { FetchedManifest, Platform } from '../registry/manifest.js';
import { formatPlatform, platformMatches, selectPlatform } from '../registry/platform.js';
import { parseReference } from '../registry/reference.js';
import { fetchImageManifest } from '../registry/resolve.js';
import type { ImageSource } from '../registry/source.js';
import { imageTimeout, withDeadline } from './deadline.js';
import { DEFAULT_TIMEOUT_MS } from './defaults.js';
import { checkSbomLayers } from './image-layers.js';

export interface PlatformProof {
  /** The SBOM's per-architecture entry this proof is for. */
  image: ContainerImage;
  platform: string;
  status: 'pass' | 'fail';
  code: string;
  message: string;
  /** The platform's manifest digest in the index, when the index has the platform. */
  digest?: string;
}

export interface IndexProof {
  reference: string;
  /** The digest of the index (or manifest) the tag points at, computed from the bytes fetched. */
  digest: string;
  platforms: PlatformProof[];
  /** Platforms the index offers that the SBOM does not list: not checked, named for the report. */
  unlisted: string[];
}

const platformOf = (image: ContainerImage): Platform => ({ os: image.os ?? 'linux', architecture: image.architecture ?? '' });

/** Fetches the tag's index once, then checks each platform the SBOM lists against it, within --timeout. */
export async function proveMultiArchIndex(source: ImageSource, image: ContainerImage, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<IndexProof> {
  return withDeadline(
    timeoutMs,
    async (signal) => {
      const from = (signal && source.withSignal?.(signal)) || source;
      // A digest the document names is fetched by digest, so the bytes checked are the ones it names.
      const reference = parseReference(image.digest ? `${image.registry}/${image.repository}@${image.digest}` : image.reference);
      const top = await fetchImageManifest(from, reference);
      const platforms: PlatformProof[] = [];
      for (const listed of image.platforms ?? [image]) platforms.push(await provePlatform(from, image.reference, top, listed));
      const listed = (image.platforms ?? [image]).map(platformOf);
      // Matched as a pull matches them: the index's linux/arm64/v8 is the SBOM's arm64.
      const unlisted =
        top.manifest.kind === 'index'
          ? top.manifest.manifests.flatMap((d) => (d.platform && !listed.some((p) => platformMatches(d.platform!, p)) ? [formatPlatform(d.platform)] : []))
          : [];
      return { reference: image.reference, digest: top.digest, platforms, unlisted };
    },
    () => imageTimeout(image.reference, timeoutMs, 'the registry', 'resolved and checked'),
  );
}

async function provePlatform(source: ImageSource, reference: string, top: FetchedManifest, listed: ContainerImage): Promise<PlatformProof> {
  const platform = platformOf(listed);
  const base = { image: listed, platform: formatPlatform(platform) };
  let digest: string | undefined;
  if (top.manifest.kind === 'index') {
    try {
      digest = selectPlatform(top.manifest, platform, reference).digest;
    } catch (err) {
      if (err instanceof KubeSbomError && err.code === 'NO_MATCHING_PLATFORM')
        return { ...base, status: 'fail', code: 'INDEX_PLATFORM_MISSING', message: err.message };
      throw err;
    }
  }
  let layers;
  try {
    layers = await checkSbomLayers(source, parseReference(reference), top, {
      platform,
      layers: listed.layers,
      ...(listed.layerDigestKind ? { kind: listed.layerDigestKind } : {}),
    });
  } catch (err) {
    // A platform manifest or config the registry serves wrong is this platform's failure; a registry that cannot be reached is the run's.
    if (err instanceof KubeSbomError && err.kind === 'check')
      return { ...base, status: 'fail', code: err.code, message: err.message, ...(digest ? { digest } : {}) };
    throw err;
  }
  return { ...base, status: layers.status, code: layers.code, message: layers.message, ...(digest ? { digest } : {}) };
}
