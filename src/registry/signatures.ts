// Finding an image's signatures: cosign's legacy sha256-<hex>.sig tag, and Sigstore bundles attached as OCI 1.1
// referrers (through the referrers API when the registry has one, and its fallback tag sha256-<hex> in any case).
import { checkError, KubeSbomError } from '../common/errors.js';
import { digestTagBase } from './digest.js';
import type { Descriptor } from './manifest.js';
import { COSIGN_SIMPLESIGNING, SIGSTORE_BUNDLE_V03 } from './media-types.js';
import type { ImageSource, RepoRef } from './source.js';

/** Signature layers and bundles are small; anything bigger is refused. */
export const MAX_SIGNATURE_BYTES = 1024 * 1024;
/** More signatures than any real image carries; a registry listing more is refused rather than downloaded. */
export const MAX_SIGNATURES = 64;

export interface LegacySignature {
  kind: 'cosign-legacy';
  /** Where it was found, for reports: repo:sha256-<hex>.sig layer N. */
  location: string;
  /** The simple-signing payload (the layer blob, checked against the layer digest). */
  payload: Uint8Array;
  annotations: Record<string, string>;
}

export interface BundleSignature {
  kind: 'sigstore-bundle';
  location: string;
  /** The referrer manifest's digest. */
  manifestDigest: string;
  bundleBytes: Uint8Array;
}

export type SignatureCandidate = LegacySignature | BundleSignature;

export interface DiscoveredSignatures {
  candidates: SignatureCandidate[];
  /** Every place looked at, found or not, so a report can say where an unsigned image was searched. */
  searched: string[];
}

/**
 * Collects every signature stored for `digest` in the image's repository; verification is the caller's job.
 * The three places are asked at once (one round trip instead of three on a distant registry).
 */
export async function discoverSignatures(source: ImageSource, repo: RepoRef, digest: string): Promise<DiscoveredSignatures> {
  const name = `${repo.registry}/${repo.repository}`;
  const sigTag = `${digestTagBase(digest)}.sig`;
  const fallbackTag = digestTagBase(digest);
  const searched = [`${name}:${sigTag}`, `${name} referrers of ${digest}`, `${name}:${fallbackTag}`];
  const [legacy, apiReferrers, fallback] = await Promise.all([
    legacySignatures(source, repo, name, sigTag),
    source.listReferrers(repo, digest, SIGSTORE_BUNDLE_V03),
    source.fetchManifest(repo, fallbackTag),
  ]);
  const referrers = new Map<string, Descriptor>();
  for (const d of apiReferrers ?? []) referrers.set(d.digest, d);
  if (fallback?.manifest.kind === 'index') {
    for (const d of fallback.manifest.manifests) if (d.artifactType === SIGSTORE_BUNDLE_V03) referrers.set(d.digest, d);
  }
  const tooMany = () =>
    checkError('TOO_MANY_SIGNATURES', `${name}@${digest}: the registry lists more than ${MAX_SIGNATURES} signatures; refusing to fetch them all`);
  if (legacy.length + referrers.size > MAX_SIGNATURES) throw tooMany();
  const bundles = (await Promise.all([...referrers.values()].map((d) => bundlesOf(source, repo, name, d, digest)))).flat();
  const candidates: SignatureCandidate[] = [...legacy, ...bundles];
  if (candidates.length > MAX_SIGNATURES) throw tooMany();
  return { candidates, searched };
}

/** cosign's legacy scheme: one simple-signing layer per signature in the manifest tagged sha256-<hex>.sig. */
async function legacySignatures(source: ImageSource, repo: RepoRef, name: string, sigTag: string): Promise<LegacySignature[]> {
  const sigManifest = await source.fetchManifest(repo, sigTag);
  if (sigManifest?.manifest.kind !== 'manifest') return [];
  const layers = sigManifest.manifest.layers;
  if (layers.length > MAX_SIGNATURES)
    throw checkError('TOO_MANY_SIGNATURES', `${name}:${sigTag} has ${layers.length} layers; refusing to fetch more than ${MAX_SIGNATURES}`);
  const wanted = layers.map((layer, i) => ({ layer, i })).filter(({ layer }) => layer.mediaType === COSIGN_SIMPLESIGNING);
  for (const { layer, i } of wanted) {
    if (layer.size > MAX_SIGNATURE_BYTES) throw checkError('SIGNATURE_TOO_LARGE', `${name}:${sigTag} layer ${i} is ${layer.size} bytes; refusing`);
  }
  return Promise.all(
    wanted.map(async ({ layer, i }) => ({
      kind: 'cosign-legacy' as const,
      location: `${name}:${sigTag} layer ${i}`,
      payload: await source.fetchBlob(repo, layer.digest, MAX_SIGNATURE_BYTES),
      annotations: layer.annotations ?? {},
    })),
  );
}

/** The bundle layers of one referrer manifest whose subject is the image (a referrer for another image is ignored). */
async function bundlesOf(source: ImageSource, repo: RepoRef, name: string, d: Descriptor, digest: string): Promise<BundleSignature[]> {
  const fetched = await source.fetchManifest(repo, d.digest);
  if (!fetched || fetched.manifest.kind !== 'manifest') return [];
  const m = fetched.manifest;
  if (m.subject?.digest !== digest) return [];
  const out: BundleSignature[] = [];
  for (const [i, layer] of m.layers.entries()) {
    if (layer.mediaType !== SIGSTORE_BUNDLE_V03) continue;
    try {
      const bundleBytes = await source.fetchBlob(repo, layer.digest, MAX_SIGNATURE_BYTES);
      out.push({ kind: 'sigstore-bundle', location: `${name}@${d.digest} layer ${i}`, manifestDigest: d.digest, bundleBytes });
    } catch (err) {
      if (err instanceof KubeSbomError && err.code === 'RESPONSE_TOO_LARGE')
        throw checkError('SIGNATURE_TOO_LARGE', `${name}@${d.digest}: bundle over ${MAX_SIGNATURE_BYTES} bytes`, err);
      throw err;
    }
  }
  return out;
}
