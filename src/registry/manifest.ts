// Image manifests and indexes (OCI and Docker v2), parsed strictly enough that later code can trust the shapes.
import { checkError } from '../common/errors.js';
import { isDigest } from './reference.js';
import { isIndexType, isManifestType } from './media-types.js';

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
  annotations?: Record<string, string>;
  platform?: Platform;
}

export interface ImageManifest {
  kind: 'manifest';
  mediaType: string;
  config: Descriptor;
  layers: Descriptor[];
  artifactType?: string;
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

export interface ImageIndex {
  kind: 'index';
  mediaType: string;
  manifests: Descriptor[];
  artifactType?: string;
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

export type AnyManifest = ImageManifest | ImageIndex;

/** A manifest as fetched: the exact bytes, the digest computed from them, and the parsed form. */
export interface FetchedManifest {
  bytes: Uint8Array;
  digest: string;
  mediaType: string;
  manifest: AnyManifest;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function stringMap(v: unknown, where: string): Record<string, string> | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isRecord(v) || Object.values(v).some((x) => typeof x !== 'string')) throw invalid(`${where}.annotations must map strings to strings`);
  return v as Record<string, string>;
}

const invalid = (why: string) => checkError('INVALID_MANIFEST', `invalid manifest: ${why}`);

export function parseDescriptor(v: unknown, where: string): Descriptor {
  if (!isRecord(v)) throw invalid(`${where} is not an object`);
  const { mediaType, digest, size, artifactType, platform } = v;
  if (typeof mediaType !== 'string' || mediaType === '') throw invalid(`${where}.mediaType is missing`);
  if (typeof digest !== 'string' || !isDigest(digest)) throw invalid(`${where}.digest is not a sha256/sha512 digest`);
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) throw invalid(`${where}.size is not a non-negative integer`);
  const out: Descriptor = { mediaType, digest, size };
  if (typeof artifactType === 'string') out.artifactType = artifactType;
  const annotations = stringMap(v.annotations, where);
  if (annotations) out.annotations = annotations;
  if (isRecord(platform)) {
    if (typeof platform.os !== 'string' || typeof platform.architecture !== 'string') throw invalid(`${where}.platform needs os and architecture`);
    out.platform = { os: platform.os, architecture: platform.architecture };
    if (typeof platform.variant === 'string') out.platform.variant = platform.variant;
  }
  return out;
}

/** Parses manifest bytes; the media type comes from the document when present, else from the response header. */
export function parseManifest(bytes: Uint8Array, headerMediaType?: string): AnyManifest {
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (err) {
    throw checkError('INVALID_MANIFEST', `invalid manifest: not JSON (${(err as Error).message})`, err);
  }
  if (!isRecord(doc)) throw invalid('not a JSON object');
  if (doc.schemaVersion !== 2) throw invalid(`schemaVersion ${String(doc.schemaVersion)} is not supported (only 2)`);
  const declared = typeof doc.mediaType === 'string' ? doc.mediaType : undefined;
  const header = headerMediaType?.split(';')[0]?.trim();
  // An OCI document may omit mediaType; guess from its shape only when the server did not say.
  const mediaType =
    declared ??
    (header && header !== 'application/json'
      ? header
      : Array.isArray(doc.manifests)
        ? 'application/vnd.oci.image.index.v1+json'
        : 'application/vnd.oci.image.manifest.v1+json');
  const common = {
    mediaType,
    ...(typeof doc.artifactType === 'string' ? { artifactType: doc.artifactType } : {}),
    ...(doc.subject !== undefined ? { subject: parseDescriptor(doc.subject, 'subject') } : {}),
    ...(stringMap(doc.annotations, 'manifest') ? { annotations: stringMap(doc.annotations, 'manifest')! } : {}),
  };
  if (isIndexType(mediaType)) {
    if (!Array.isArray(doc.manifests)) throw invalid('index has no manifests array');
    return { kind: 'index', ...common, manifests: doc.manifests.map((m, i) => parseDescriptor(m, `manifests[${i}]`)) };
  }
  if (isManifestType(mediaType)) {
    if (!Array.isArray(doc.layers)) throw invalid('manifest has no layers array');
    return {
      kind: 'manifest',
      ...common,
      config: parseDescriptor(doc.config, 'config'),
      layers: doc.layers.map((l, i) => parseDescriptor(l, `layers[${i}]`)),
    };
  }
  throw checkError('UNSUPPORTED_MEDIA_TYPE', `manifest media type "${mediaType}" is not supported (OCI or Docker v2 manifests and indexes)`);
}

export interface ImageConfig {
  architecture?: string;
  os?: string;
  diffIds: string[];
}

/** The parts of an image config we check: platform and rootfs.diff_ids (uncompressed layer digests). */
export function parseImageConfig(bytes: Uint8Array): ImageConfig {
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (err) {
    throw checkError('INVALID_IMAGE_CONFIG', `image config is not JSON (${(err as Error).message})`, err);
  }
  if (!isRecord(doc) || !isRecord(doc.rootfs) || !Array.isArray(doc.rootfs.diff_ids)) {
    throw checkError('INVALID_IMAGE_CONFIG', 'image config has no rootfs.diff_ids list');
  }
  const diffIds = doc.rootfs.diff_ids;
  if (diffIds.some((d) => typeof d !== 'string' || !isDigest(d)))
    throw checkError('INVALID_IMAGE_CONFIG', 'image config rootfs.diff_ids holds a value that is not a digest');
  return {
    diffIds: diffIds as string[],
    ...(typeof doc.architecture === 'string' ? { architecture: doc.architecture } : {}),
    ...(typeof doc.os === 'string' ? { os: doc.os } : {}),
  };
}
