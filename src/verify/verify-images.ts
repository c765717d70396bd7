// Use case: verify every image of a release (or a list) with bounded concurrency, reporting progress as events.
import { formatDuration } from '../common/duration.js';
import { ioError } from '../common/errors.js';
import type { LoadedTrustedRoot } from '../sigstore/trusted-root.js';
import { mapLimited } from '../registry/limiter.js';
import type { Platform } from '../registry/manifest.js';
import { parseReference, type ImageReference } from '../registry/reference.js';
import type { ImageSource } from '../registry/source.js';
import type { IdentityPolicy } from '../sigstore/identity.js';
import { withDeadline } from './deadline.js';
import { DEFAULT_IMAGE_CONCURRENCY } from './defaults.js';
import { verifyImage, type ImageEvent, type ImageVerification, type VerifyImageOptions } from './verify-image.js';

export { DEFAULT_IMAGE_CONCURRENCY };

export interface ImageToVerify {
  reference: string;
  /** For the layer check: the platform the SBOM lists the image for, and its layer diff IDs. */
  platform?: Platform;
  layers?: string[];
  layerKind?: 'diff-id' | 'blob';
}

/** Signatures carried in a folder, bundles to keep for --bundle-dir, and what to say when none are found. */
type CarriedOptions = Pick<VerifyImageOptions, 'bundles' | 'carriedBundles' | 'noSignaturesHint'>;

export interface VerifyImagesOptions extends CarriedOptions {
  source: ImageSource;
  trustedRoot: LoadedTrustedRoot;
  policy: IdentityPolicy;
  concurrency?: number;
  /** Compare each image's registry layers with the SBOM's (images without SBOM layers fail this check). */
  checkSbomLayers?: boolean;
  /** Deadline per image (--timeout). */
  timeoutMs?: number;
  onEvent?: (event: ImagesEvent) => void;
}

export type ImagesEvent = { type: 'start'; total: number; references: string[] } | ImageEvent | { type: 'done'; summary: ImagesSummary };

export interface ImagesSummary {
  total: number;
  verified: number;
  /** Failed a check (signature, digest, layers). */
  failed: number;
  /** Could not be checked (network, registry errors). */
  unchecked: number;
}

export interface ImagesVerification {
  verified: boolean;
  summary: ImagesSummary;
  images: ImageVerification[];
}

/**
 * Asks each distinct registry once, up front, so an unreachable or wrong host is one clear error (exit 3)
 * rather than the same failure repeated for every image.
 */
export async function pingRegistries(source: ImageSource, references: string[], timeoutMs?: number): Promise<void> {
  if (!source.ping) return;
  const byHost = new Map<string, ImageReference>();
  for (const r of references.map((x) => parseReference(x))) if (!byHost.has(r.registry)) byHost.set(r.registry, r);
  await Promise.all(
    [...byHost.values()].map((r) =>
      withDeadline(
        timeoutMs,
        (signal) => ((signal && source.withSignal?.(signal)) || source).ping!(r),
        () =>
          ioError(
            'REGISTRY_TIMEOUT',
            `${source.describe(r)}: no answer at /v2/ within --timeout ${formatDuration(timeoutMs!)}; check the host, or raise --timeout`,
          ),
      ),
    ),
  );
}

function carriedOptions(options: CarriedOptions): CarriedOptions {
  return {
    ...(options.bundles ? { bundles: true } : {}),
    ...(options.carriedBundles ? { carriedBundles: options.carriedBundles } : {}),
    ...(options.noSignaturesHint ? { noSignaturesHint: options.noSignaturesHint } : {}),
  };
}

/** One image of the list, with the layer check the options ask for (mirror runs this per image, as it goes). */
export function verifyListedImage(image: ImageToVerify, options: VerifyImagesOptions, emit: (event: ImageEvent) => void): Promise<ImageVerification> {
  return verifyImage(image.reference, {
    source: options.source,
    trustedRoot: options.trustedRoot,
    policy: options.policy,
    onEvent: emit,
    ...carriedOptions(options),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.checkSbomLayers
      ? {
          expectedLayers: {
            platform: image.platform ?? { os: 'linux', architecture: 'amd64' },
            layers: image.layers ?? [],
            kind: image.layerKind ?? 'diff-id',
          },
        }
      : {}),
  });
}

/** Counts of a finished list. */
export function summarize(results: ImageVerification[]): ImagesSummary {
  return {
    total: results.length,
    verified: results.filter((r) => r.verified).length,
    failed: results.filter((r) => !r.verified && r.failureKind !== 'io').length,
    unchecked: results.filter((r) => !r.verified && r.failureKind === 'io').length,
  };
}

export async function verifyImages(images: ImageToVerify[], options: VerifyImagesOptions): Promise<ImagesVerification> {
  const emit = options.onEvent ?? (() => {});
  emit({ type: 'start', total: images.length, references: images.map((i) => i.reference) });
  const results = await mapLimited(images, options.concurrency ?? DEFAULT_IMAGE_CONCURRENCY, (image) => verifyListedImage(image, options, emit));
  const summary = summarize(results);
  emit({ type: 'done', summary });
  return { verified: results.length > 0 && summary.verified === results.length, summary, images: results };
}
