// Making test images (random layers, a config with diff_ids, manifests, multi-arch indexes) and pushing them,
// with cosign-style signatures, into a registry over the plain distribution API.
import { createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
export const OCI_EMPTY = 'application/vnd.oci.empty.v1+json';
export const SIMPLESIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json';
export const BUNDLE_V03 = 'application/vnd.dev.sigstore.bundle.v0.3+json';

export interface PushTarget {
  /** http://host:port of the registry (or a proxy in front of it). */
  url: string;
  /** An Authorization header value for a scope, when the registry wants a token. */
  authorize?: (scope: string) => string | undefined;
}

export const sha256 = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
const json = (value: unknown) => Buffer.from(JSON.stringify(value));

export interface TestImage {
  platform: { os: string; architecture: string; variant?: string };
  config: Buffer;
  layers: Array<{ blob: Buffer; diffId: string }>;
  manifest: Buffer;
  digest: string;
}

/** A single-platform image with small random layers; the config's diff_ids are the layers' uncompressed digests. */
export function makeImage(options: { architecture?: string; os?: string; layers?: number; layerBytes?: number } = {}): TestImage {
  const platform = { os: options.os ?? 'linux', architecture: options.architecture ?? 'amd64' };
  const layers = Array.from({ length: options.layers ?? 2 }, () => {
    const raw = randomBytes(options.layerBytes ?? 512);
    return { blob: gzipSync(raw), diffId: sha256(raw) };
  });
  const config = json({ ...platform, config: {}, rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) } });
  const manifest = json({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: OCI_CONFIG, digest: sha256(config), size: config.length },
    layers: layers.map((l) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha256(l.blob), size: l.blob.length })),
  });
  return { platform, config, layers, manifest, digest: sha256(manifest) };
}

export function makeIndex(images: TestImage[]): { bytes: Buffer; digest: string } {
  const bytes = json({
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: images.map((i) => ({ mediaType: OCI_MANIFEST, digest: i.digest, size: i.manifest.length, platform: i.platform })),
  });
  return { bytes, digest: sha256(bytes) };
}

function headers(target: PushTarget, repo: string, extra: Record<string, string> = {}): Record<string, string> {
  const auth = target.authorize?.(`repository:${repo}:pull,push`);
  return { ...extra, ...(auth ? { authorization: auth } : {}) };
}

export async function pushBlob(target: PushTarget, repo: string, bytes: Uint8Array): Promise<string> {
  const digest = sha256(bytes);
  const start = await fetch(`${target.url}/v2/${repo}/blobs/uploads/`, { method: 'POST', headers: headers(target, repo) });
  await start.body?.cancel();
  if (start.status !== 202) throw new Error(`blob upload start for ${repo}: HTTP ${start.status}`);
  const location = new URL(start.headers.get('location')!, target.url);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, {
    method: 'PUT',
    headers: headers(target, repo, { 'content-type': 'application/octet-stream' }),
    body: bytes,
  });
  const text = await put.text();
  if (put.status !== 201) throw new Error(`blob upload for ${repo}: HTTP ${put.status} ${text}`);
  return digest;
}

export async function pushManifest(target: PushTarget, repo: string, reference: string, bytes: Uint8Array, mediaType: string): Promise<string> {
  const res = await fetch(`${target.url}/v2/${repo}/manifests/${reference}`, {
    method: 'PUT',
    headers: headers(target, repo, { 'content-type': mediaType }),
    body: bytes,
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`manifest push ${repo}:${reference}: HTTP ${res.status} ${text}`);
  return sha256(bytes);
}

/** Pushes layers, config and manifest; tags it when `tag` is given. Returns the manifest digest. */
export async function pushImage(target: PushTarget, repo: string, image: TestImage, tag?: string): Promise<string> {
  for (const layer of image.layers) await pushBlob(target, repo, layer.blob);
  await pushBlob(target, repo, image.config);
  return pushManifest(target, repo, tag ?? image.digest, image.manifest, OCI_MANIFEST);
}

/** Pushes every image and an index over them, tagged `tag`. Returns the index digest. */
export async function pushMultiArch(target: PushTarget, repo: string, images: TestImage[], tag: string): Promise<string> {
  for (const image of images) await pushImage(target, repo, image);
  const index = makeIndex(images);
  return pushManifest(target, repo, tag, index.bytes, OCI_INDEX);
}

export interface LegacySignatureLayer {
  payload: Uint8Array;
  annotations: Record<string, string>;
}

/** cosign's legacy scheme: a manifest tagged sha256-<hex>.sig with one simple-signing layer per signature. */
export async function pushLegacySignatures(target: PushTarget, repo: string, imageDigest: string, signatures: LegacySignatureLayer[]): Promise<string> {
  for (const s of signatures) await pushBlob(target, repo, s.payload);
  const config = json({ architecture: '', os: '', config: {}, rootfs: { type: 'layers', diff_ids: signatures.map((s) => sha256(s.payload)) } });
  await pushBlob(target, repo, config);
  const manifest = json({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: OCI_CONFIG, digest: sha256(config), size: config.length },
    layers: signatures.map((s) => ({ mediaType: SIMPLESIGNING, digest: sha256(s.payload), size: s.payload.byteLength, annotations: s.annotations })),
  });
  return pushManifest(target, repo, `${imageDigest.replace(':', '-')}.sig`, manifest, OCI_MANIFEST);
}

/**
 * cosign v3's scheme on a registry without the referrers API: a referrer manifest (artifactType bundle v0.3, subject
 * the image) and the fallback tag sha256-<hex> holding an index that lists it (added to what is already there).
 */
export async function pushBundleReferrer(
  target: PushTarget,
  repo: string,
  subject: { digest: string; size: number; mediaType?: string },
  bundle: unknown,
  predicateType = 'https://sigstore.dev/cosign/sign/v1',
  /** false: push only the referrer manifest, as on a registry with the referrers API. */
  fallbackTag = true,
): Promise<string> {
  const bundleBytes = typeof bundle === 'string' ? Buffer.from(bundle) : json(bundle);
  const empty = Buffer.from('{}');
  await pushBlob(target, repo, empty);
  await pushBlob(target, repo, bundleBytes);
  const annotations = { 'dev.sigstore.bundle.content': 'dsse-envelope', 'dev.sigstore.bundle.predicateType': predicateType };
  const manifest = json({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: BUNDLE_V03,
    config: { mediaType: OCI_EMPTY, digest: sha256(empty), size: empty.length },
    layers: [{ mediaType: BUNDLE_V03, digest: sha256(bundleBytes), size: bundleBytes.length }],
    subject: { mediaType: subject.mediaType ?? OCI_MANIFEST, digest: subject.digest, size: subject.size },
    annotations,
  });
  const digest = await pushManifest(target, repo, sha256(manifest), manifest, OCI_MANIFEST);
  if (!fallbackTag) return digest;
  const tag = subject.digest.replace(':', '-');
  const existing = await fetch(`${target.url}/v2/${repo}/manifests/${tag}`, { headers: headers(target, repo, { accept: OCI_INDEX }) });
  const previous = existing.status === 200 ? ((await existing.json()) as { manifests: unknown[] }).manifests : (await existing.body?.cancel(), []);
  const index = json({
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: [...previous, { mediaType: OCI_MANIFEST, digest, size: manifest.length, artifactType: BUNDLE_V03, annotations }],
  });
  await pushManifest(target, repo, tag, index, OCI_INDEX);
  return digest;
}
