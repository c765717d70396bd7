// The image half of verify-release: the images the verified release SBOM lists, verified like verify-images (signature,
// identity, issuer, Rekor, the registry's layers against the SBOM's), each as one row.
import type { SpdxDocument } from '../../parsers/model.js';
import { KubeSbomError } from '../common/errors.js';
import { sanitizeLine } from '../common/sanitize.js';
import { filterImages } from '../k8s/image-filter.js';
import { buildImageInventory } from '../k8s/image-inventory.js';
import { parseReference } from '../registry/reference.js';
import { DocumentIndex } from '../sbom/document-index.js';
import { compilePolicy } from '../sigstore/identity.js';
import type { ImageCheck } from '../verify/image-signature.js';
import { imageToVerify } from '../verify/image-to-verify.js';
import { pingRegistries, verifyImages, type ImagesEvent } from '../verify/verify-images.js';
import type { ImageCliOptions } from './image-options.js';
import { imagesProgress } from './image-progress.js';
import { assertOfflineAllows, carriedFrom, imageSourceFrom, imageTimeoutFrom, policyFrom, trustedRootFrom } from './image-run-options.js';
import { warn } from './output.js';

export interface ImageRow {
  kind: 'image';
  name: string;
  status: 'pass' | 'fail' | 'error';
  reason?: string;
  code?: string;
  /** registry/repository@sha256:... that verified. */
  pinned?: string;
  platform?: string;
  checks: ImageCheck[];
}

export interface ReleaseImageOptions extends ImageCliOptions {
  arch?: string;
  name?: string;
  concurrency: number;
  checkSbomLayers: boolean;
}

/** The images to check, so options and the registry are refused before any file is downloaded. */
export function prepareImageRun(opts: ReleaseImageOptions) {
  const policy = policyFrom(opts);
  compilePolicy(policy);
  return { policy, timeoutMs: imageTimeoutFrom(opts), source: imageSourceFrom(opts) };
}

/** `onEvent` replaces the per-image lines on stderr (the live table takes them). */
export async function verifyReleaseImages(document: SpdxDocument, opts: ReleaseImageOptions, onEvent?: (event: ImagesEvent) => void): Promise<ImageRow[]> {
  const { policy, timeoutMs, source } = prepareImageRun(opts);
  const inventory = buildImageInventory(new DocumentIndex(document));
  for (const w of inventory.warnings) warn(w);
  const selected = filterImages(inventory.images, { ...(opts.arch ? { architecture: opts.arch } : {}), ...(opts.name ? { name: opts.name } : {}) });
  if (selected.length === 0) return [];
  const images = selected.map(imageToVerify);
  assertOfflineAllows(
    opts,
    images.map((i) => parseReference(i.reference).registry),
  );
  let run: Awaited<ReturnType<typeof verifyImages>>;
  try {
    const trustedRoot = await trustedRootFrom(opts);
    const carried = await carriedFrom(opts);
    await pingRegistries(
      source,
      images.map((i) => i.reference),
      timeoutMs,
    );
    run = await verifyImages(images, {
      source,
      trustedRoot,
      policy,
      concurrency: opts.concurrency,
      checkSbomLayers: opts.checkSbomLayers,
      ...carried,
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      onEvent: onEvent ?? (opts.json ? () => {} : imagesProgress()),
    });
  } catch (err) {
    // An unreachable registry or trusted root leaves every image unchecked, and the files' rows still count.
    if (!(err instanceof KubeSbomError) || err.kind !== 'io') throw err;
    return images.map((image) => ({ kind: 'image', name: image.reference, status: 'error', reason: sanitizeLine(err.message), code: err.code, checks: [] }));
  }
  return run.images.map((image, i) => {
    const platform = images[i]?.platform;
    return {
      kind: 'image',
      name: image.reference,
      status: image.verified ? 'pass' : image.failureKind === 'io' ? 'error' : 'fail',
      ...(image.verified ? {} : { reason: sanitizeLine(image.message), code: image.code }),
      ...(image.pinned ? { pinned: image.pinned } : {}),
      ...(platform ? { platform: `${platform.os}/${platform.architecture}` } : {}),
      checks: image.checks,
    };
  });
}
