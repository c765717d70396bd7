// What copying one image means: its manifests (every platform of an index), their blobs, and everything that signs
// it: cosign's legacy sha256-<hex>.sig tag, OCI referrers (the API and the sha256-<hex> fallback tag) and their blobs.
import { checkError } from '../../common/errors.js';
import { digestTagBase, sha256Digest } from '../../registry/digest.js';
import { OCI_INDEX } from '../../registry/media-types.js';
import type { Descriptor, FetchedManifest } from '../../registry/manifest.js';
import { formatReference, type ImageReference } from '../../registry/reference.js';
import { MAX_SIGNATURES } from '../../registry/signatures.js';
import type { ImageSource, RepoRef } from '../../registry/source.js';

export interface BlobItem {
  descriptor: Descriptor;
  /** Part of the image itself (not a signature): read back from the target after the copy. */
  image: boolean;
}

export interface ManifestItem {
  digest: string;
  bytes: Uint8Array;
  mediaType: string;
  /** Put under this tag (else under its digest). */
  tag?: string;
  /** An OCI layout lists it in index.json without a name: referrers (found by their subject) and an untagged image. */
  listed?: boolean;
  image: boolean;
}

export interface ImagePlan {
  reference: ImageReference;
  repo: RepoRef;
  digest: string;
  /** Blobs first, then manifests in an order a registry accepts (what an index names is put before it). */
  blobs: BlobItem[];
  manifests: ManifestItem[];
  platforms: number;
  /** Signature artifacts found: .sig manifests and referrers. */
  signatures: number;
}

/** Indexes inside indexes are followed this deep, no further. */
const MAX_DEPTH = 3;

class PlanBuilder {
  readonly blobs = new Map<string, BlobItem>();
  readonly manifests: ManifestItem[] = [];
  private readonly planned = new Set<string>();

  constructor(
    private readonly source: ImageSource,
    private readonly repo: RepoRef,
    private readonly name: string,
  ) {}

  async fetch(digest: string, why: string): Promise<FetchedManifest> {
    const got = await this.source.fetchManifest(this.repo, digest);
    if (!got) throw checkError('IMAGE_NOT_FOUND', `${this.name}: ${why} names ${digest}, which ${this.source.describe(this.repo)} does not have`);
    return got;
  }

  /** Adds a manifest after everything it names; a manifest already planned is not planned twice. */
  async add(m: FetchedManifest, item: Omit<ManifestItem, 'digest' | 'bytes' | 'mediaType'>, depth = 0): Promise<void> {
    const key = `${m.digest}|${item.tag ?? ''}`;
    if (this.planned.has(key)) return;
    this.planned.add(key);
    if (m.manifest.kind === 'manifest') {
      for (const d of [m.manifest.config, ...m.manifest.layers]) {
        const seen = this.blobs.get(d.digest);
        if (!seen || (item.image && !seen.image)) this.blobs.set(d.digest, { descriptor: d, image: item.image });
      }
    } else {
      if (depth >= MAX_DEPTH) throw checkError('INVALID_MANIFEST', `${this.name}: indexes nested more than ${MAX_DEPTH} deep at ${m.digest}`);
      for (const child of m.manifest.manifests) {
        if (this.planned.has(`${child.digest}|`)) continue;
        await this.add(await this.fetch(child.digest, `index ${m.digest}`), { image: item.image }, depth + 1);
      }
    }
    this.manifests.push({ ...item, digest: m.digest, bytes: m.bytes, mediaType: m.mediaType });
  }
}

/** Every signature stored for `digest`: the .sig manifest, then each referrer before the fallback index naming it. */
async function addSignatures(source: ImageSource, repo: RepoRef, builder: PlanBuilder, digest: string): Promise<number> {
  const base = digestTagBase(digest);
  const [legacy, fallback, api] = await Promise.all([
    source.fetchManifest(repo, `${base}.sig`),
    source.fetchManifest(repo, base),
    source.listReferrers(repo, digest),
  ]);
  const referrers = new Map<string, Descriptor>();
  for (const d of api ?? []) referrers.set(d.digest, d);
  if (fallback?.manifest.kind === 'index') for (const d of fallback.manifest.manifests) referrers.set(d.digest, d);
  if (referrers.size > MAX_SIGNATURES) {
    throw checkError('TOO_MANY_SIGNATURES', `${repo.registry}/${repo.repository}@${digest}: more than ${MAX_SIGNATURES} referrers; refusing to copy them all`);
  }
  let count = 0;
  if (legacy) {
    await builder.add(legacy, { tag: `${base}.sig`, image: false });
    count++;
  }
  for (const d of referrers.values()) {
    await builder.add(await builder.fetch(d.digest, `the referrers of ${digest}`), { listed: true, image: false });
    count++;
  }
  if (fallback && !apiOnly(api, fallback)) await builder.add(fallback, { tag: base, image: false });
  else if (referrers.size > 0) await builder.add(fallbackIndex(referrers), { tag: base, image: false });
  return count;
}

/** Referrers the API lists that the fallback tag (if any) does not. */
function apiOnly(api: Descriptor[] | undefined, fallback: FetchedManifest | undefined): Descriptor[] {
  const listed = new Set(fallback?.manifest.kind === 'index' ? fallback.manifest.manifests.map((d) => d.digest) : []);
  return (api ?? []).filter((d) => !listed.has(d.digest));
}

/**
 * The fallback tag's index as cosign writes it for a registry without the referrers API: every referrer found (the
 * source's tag and its API), so a target without the API still leads readers to them. Only this tag's bytes differ.
 */
function fallbackIndex(referrers: Map<string, Descriptor>): FetchedManifest {
  const manifests = [...referrers.values()].map((d) => ({
    mediaType: d.mediaType,
    digest: d.digest,
    size: d.size,
    ...(d.artifactType ? { artifactType: d.artifactType } : {}),
    ...(d.annotations ? { annotations: d.annotations } : {}),
  }));
  const manifest = { schemaVersion: 2, mediaType: OCI_INDEX, manifests };
  const bytes = Buffer.from(JSON.stringify(manifest));
  return { bytes, digest: sha256Digest(bytes), mediaType: OCI_INDEX, manifest: { kind: 'index', mediaType: OCI_INDEX, manifests } };
}

/** The whole copy of one verified image, read from the source (manifests fetched and checked by digest). */
export async function planImage(source: ImageSource, reference: ImageReference, digest: string): Promise<ImagePlan> {
  const repo: RepoRef = { registry: reference.registry, repository: reference.repository };
  const builder = new PlanBuilder(source, repo, formatReference(reference));
  const top = await builder.fetch(digest, 'the verified reference');
  await builder.add(top, { ...(reference.tag ? { tag: reference.tag } : { listed: true }), image: true });
  const children = top.manifest.kind === 'index' ? top.manifest.manifests.map((d) => d.digest) : [];
  // Signatures of the image and of each platform (cosign signs the index, some releases sign each platform too).
  let signatures = 0;
  for (const d of [digest, ...children]) signatures += await addSignatures(source, repo, builder, d);
  return {
    reference,
    repo,
    digest,
    blobs: [...builder.blobs.values()],
    manifests: builder.manifests,
    platforms: Math.max(1, children.length),
    signatures,
  };
}
