// ImageSource over an OCI image layout folder (oci-layout, index.json, blobs/<alg>/<hex>), e.g. the offline demo's.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { KubeSbomError, checkError, ioError } from '../common/errors.js';
import { readLimitedText, readLimited } from '../common/read-limited.js';
import { assertDigest } from './digest.js';
import { digestChecker } from './digest-stream.js';
import { parseManifest, type Descriptor, type FetchedManifest, type ImageIndex } from './manifest.js';
import { OCI_INDEX, isIndexType, isManifestType } from './media-types.js';
import { isDigest } from './reference.js';
import { MAX_MANIFEST_BYTES, type ImageSource, type ManifestHead, type RepoRef } from './source.js';

export const REF_NAME = 'org.opencontainers.image.ref.name';

/**
 * Tags are found through index.json's ref.name annotations, which must hold full references
 * (registry.k8s.io/kube-apiserver-amd64:v1.25.4) so one folder can hold many repositories.
 */
export class OciLayoutSource implements ImageSource {
  private index?: Promise<ImageIndex>;

  constructor(readonly dir: string) {}

  describe(): string {
    return `OCI layout ${this.dir}`;
  }

  private loadIndex(): Promise<ImageIndex> {
    this.index ??= (async () => {
      let layout: unknown;
      try {
        layout = JSON.parse(await readLimitedText(join(this.dir, 'oci-layout'), { maxBytes: MAX_MANIFEST_BYTES }));
      } catch (err) {
        if (err instanceof KubeSbomError && err.code === 'INPUT_TOO_LARGE') throw err;
        if ((err as NodeJS.ErrnoException).code) throw ioError('NOT_AN_OCI_LAYOUT', `${this.dir}: no oci-layout file; not an OCI image layout folder`, err);
        throw ioError('NOT_AN_OCI_LAYOUT', `${this.dir}/oci-layout is not JSON`, err);
      }
      if ((layout as { imageLayoutVersion?: unknown })?.imageLayoutVersion !== '1.0.0') {
        throw ioError('NOT_AN_OCI_LAYOUT', `${this.dir}/oci-layout: imageLayoutVersion must be "1.0.0"`);
      }
      const bytes = await this.readFileLimited(join(this.dir, 'index.json'), MAX_MANIFEST_BYTES);
      const index = parseManifest(bytes, OCI_INDEX);
      if (index.kind !== 'index') throw checkError('INVALID_MANIFEST', `${this.dir}/index.json is not an image index`);
      return index;
    })();
    return this.index;
  }

  private async readFileLimited(path: string, maxBytes: number): Promise<Uint8Array> {
    try {
      return await readLimited(path, { maxBytes });
    } catch (err) {
      // The code a registry's oversized answer gets: callers treat both sources alike.
      if (err instanceof KubeSbomError && err.code === 'INPUT_TOO_LARGE') throw ioError('RESPONSE_TOO_LARGE', err.message, err);
      throw err;
    }
  }

  private blobPath(digest: string): string {
    const [algorithm, hex] = digest.split(':');
    return join(this.dir, 'blobs', algorithm!, hex!);
  }

  private async findDescriptor(repo: RepoRef, reference: string): Promise<Descriptor | undefined> {
    const index = await this.loadIndex();
    const names = [`${repo.registry}/${repo.repository}:${reference}`, `${repo.repository}:${reference}`];
    return index.manifests.find((d) => names.includes(d.annotations?.[REF_NAME] ?? ''));
  }

  async fetchManifest(repo: RepoRef, reference: string): Promise<FetchedManifest | undefined> {
    const digest = isDigest(reference) ? reference : (await this.findDescriptor(repo, reference))?.digest;
    if (!digest) return undefined;
    let bytes: Uint8Array;
    try {
      bytes = await this.readFileLimited(this.blobPath(digest), MAX_MANIFEST_BYTES);
    } catch (err) {
      if ((err as { code?: string }).code === 'FILE_NOT_FOUND') return undefined;
      throw err;
    }
    assertDigest(bytes, digest, `manifest ${repo.registry}/${repo.repository}@${digest} in ${this.dir}`);
    const manifest = parseManifest(bytes);
    return { bytes, digest, mediaType: manifest.mediaType, manifest };
  }

  async headManifest(repo: RepoRef, reference: string): Promise<ManifestHead | undefined> {
    const fetched = await this.fetchManifest(repo, reference);
    return fetched && { digest: fetched.digest, mediaType: fetched.mediaType, size: fetched.bytes.byteLength };
  }

  async fetchBlob(repo: RepoRef, digest: string, maxBytes: number): Promise<Uint8Array> {
    let bytes: Uint8Array;
    try {
      bytes = await this.readFileLimited(this.blobPath(digest), maxBytes);
    } catch (err) {
      if ((err as { code?: string }).code === 'FILE_NOT_FOUND') throw checkError('BLOB_NOT_FOUND', `blob ${digest} is missing from ${this.dir}`);
      throw err;
    }
    assertDigest(bytes, digest, `blob ${repo.registry}/${repo.repository}@${digest} in ${this.dir}`);
    return bytes;
  }

  async openBlob(repo: RepoRef, digest: string, size?: number): Promise<Readable> {
    const path = this.blobPath(digest);
    if (
      !(await stat(path).then(
        (s) => s.isFile(),
        () => false,
      ))
    )
      throw checkError('BLOB_NOT_FOUND', `blob ${digest} is missing from ${this.dir}`);
    const checker = digestChecker(digest, `blob ${repo.registry}/${repo.repository}@${digest} in ${this.dir}`, size);
    const file = createReadStream(path);
    file.on('error', (err) => checker.destroy(ioError('FILE_READ_FAILED', `${path}: ${err.message}`, err)));
    checker.on('close', () => file.destroy());
    return file.pipe(checker);
  }

  /** Scans the manifests index.json lists for ones whose subject is `digest`. */
  async listReferrers(repo: RepoRef, digest: string, artifactType?: string): Promise<Descriptor[]> {
    const index = await this.loadIndex();
    const out: Descriptor[] = [];
    for (const d of index.manifests) {
      if (!isManifestType(d.mediaType) && !isIndexType(d.mediaType)) continue;
      const fetched = await this.fetchManifest(repo, d.digest);
      if (!fetched || fetched.manifest.subject?.digest !== digest) continue;
      const type = fetched.manifest.artifactType ?? (fetched.manifest.kind === 'manifest' ? fetched.manifest.config.mediaType : undefined);
      if (artifactType && type !== artifactType) continue;
      out.push({
        mediaType: d.mediaType,
        digest: d.digest,
        size: d.size,
        ...(type ? { artifactType: type } : {}),
        ...(fetched.manifest.annotations ? { annotations: fetched.manifest.annotations } : {}),
      });
    }
    return out;
  }
}
