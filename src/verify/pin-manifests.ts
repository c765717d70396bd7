// Use case: pin the image references of Kubernetes manifests to the digests their signatures were verified for.
// Each distinct reference is verified once; an already pinned reference is verified at its own digest, never trusted.
import type { ErrorKind } from '../common/errors.js';
import { parseManifest, type ManifestImage, type ManifestProblem, type ParsedManifest } from '../k8s/manifest-images.js';
import { parseReference, type ImageReference } from '../registry/reference.js';
import type { ImageVerification } from './verify-image.js';
import { verifyImages, type VerifyImagesOptions } from './verify-images.js';

export interface ManifestFile {
  path: string;
  text: string;
}

/** pinned: rewritten to its verified digest; verified: already pinned to a verified digest; failed/invalid: left as written. */
export type PinStatus = 'pinned' | 'verified' | 'failed' | 'invalid';

export interface PinnedImage extends Omit<ManifestImage, 'value'> {
  image: string;
  status: PinStatus;
  /** The reference written in its place (status pinned). */
  pinned?: string;
  digest?: string;
  code: string;
  reason: string;
  failureKind?: ErrorKind;
}

export interface PinnedFile {
  path: string;
  before: string;
  after: string;
  images: PinnedImage[];
  problems: ManifestProblem[];
}

export interface PinResult {
  files: PinnedFile[];
  /** One verification per distinct reference, in the order first met. */
  verifications: ImageVerification[];
}

export interface LoadedManifests {
  parsed: { file: ManifestFile; manifest: ParsedManifest }[];
  /** The distinct image fields that are references, as written: verified once each, checked before any network. */
  references: string[];
}

/** Parses every file first: a manifest that is not YAML fails the run before any registry is asked. */
export function loadManifests(files: ManifestFile[]): LoadedManifests {
  const parsed = files.map((file) => ({ file, manifest: parseManifest(file.text, file.path) }));
  const values = new Set(parsed.flatMap(({ manifest }) => manifest.images.map((i) => i.value)));
  return { parsed, references: [...values].filter((v) => referenceOf(v)) };
}

/** Verifies each distinct reference once (bounded concurrency, progress as verify-images reports it), then rewrites. */
export async function pinManifests(
  { parsed, references }: LoadedManifests,
  options: Omit<VerifyImagesOptions, 'checkSbomLayers'> & {
    /** false (--check): decide every image's status but leave the texts as they are (`after` is `before`). */
    rewrite?: boolean;
  },
): Promise<PinResult> {
  const rewrite = options.rewrite ?? true;
  const run = await verifyImages(
    references.map((reference) => ({ reference })),
    options,
  );
  const results = new Map(references.map((value, i) => [value, run.images[i]!]));
  return {
    files: parsed.map(({ file, manifest }) => {
      const images = manifest.images.map((image) => pinOne(image, results.get(image.value), (value) => rewrite && manifest.setImage(image, value)));
      return { path: file.path, before: file.text, after: rewrite ? manifest.render() : file.text, images, problems: manifest.problems };
    }),
    verifications: run.images,
  };
}

function pinOne(image: ManifestImage, verification: ImageVerification | undefined, rewrite: (value: string) => void): PinnedImage {
  const { value, ...where } = image;
  const base = { ...where, image: value };
  if (!verification) return { ...base, status: 'invalid', code: 'INVALID_REFERENCE', reason: 'not an image reference; left as written' };
  if (!verification.verified || !verification.digest) {
    return {
      ...base,
      status: 'failed',
      code: verification.code,
      reason: verification.message,
      ...(verification.failureKind ? { failureKind: verification.failureKind } : {}),
    };
  }
  const ref = referenceOf(value)!;
  if (ref.digest && ref.digest !== verification.digest) {
    // Fail closed: a verification that speaks of another digest says nothing about the one written here.
    return {
      ...base,
      status: 'failed',
      code: 'DIGEST_MISMATCH',
      reason: `verified ${verification.digest}, not the ${ref.digest} written`,
      failureKind: 'check',
    };
  }
  if (ref.digest) return { ...base, status: 'verified', digest: verification.digest, code: 'OK', reason: verification.message };
  const pinned = `${nameOf(value)}@${verification.digest}`;
  rewrite(pinned);
  return { ...base, status: 'pinned', pinned, digest: verification.digest, code: 'OK', reason: verification.message };
}

function referenceOf(value: string): ImageReference | undefined {
  try {
    return parseReference(value);
  } catch {
    return undefined;
  }
}

/** The name as the manifest spells it (registry and repository, no tag): `nginx:1.25` stays `nginx`, not docker.io/library/nginx. */
function nameOf(value: string): string {
  const text = value.trim();
  const colon = text.lastIndexOf(':');
  return colon > text.lastIndexOf('/') ? text.slice(0, colon) : text;
}
