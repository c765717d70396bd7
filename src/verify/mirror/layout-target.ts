// An OCI image layout folder as the mirror's target, readable by --oci-layout and by skopeo (oci:DIR:NAME).
// Tags are index.json ref names holding the full source reference (registry.k8s.io/kube-apiserver:v1.30.0).
import type { Readable } from 'node:stream';
import type { Descriptor } from '../../registry/manifest.js';
import { OciLayoutSource } from '../../registry/oci-layout.js';
import { OciLayoutWriter } from '../../registry/oci-layout-writer.js';
import type { ImageSource, RepoRef } from '../../registry/source.js';
import type { ManifestItem } from './mirror-plan.js';
import type { MirrorTarget } from './mirror-target.js';

export class LayoutTarget implements MirrorTarget {
  private saving: Promise<void> = Promise.resolve();

  private constructor(private readonly writer: OciLayoutWriter) {}

  /** `create: false` (a dry run) reads an existing layout, or none, and writes nothing. */
  static async open(dir: string, create = true): Promise<LayoutTarget> {
    return new LayoutTarget(await OciLayoutWriter.open(dir, { create }));
  }

  describe(): string {
    return `OCI layout ${this.writer.dir}`;
  }

  repoFor(source: RepoRef): RepoRef {
    return source;
  }

  blobKey(_repo: RepoRef, digest: string): string {
    return digest;
  }

  hasBlob(_repo: RepoRef, blob: Descriptor): Promise<boolean> {
    return this.writer.hasBlob(blob.digest, blob.size);
  }

  async putBlob(_repo: RepoRef, blob: Descriptor, open: () => Promise<Readable>): Promise<'copied'> {
    await this.writer.putBlobStream(blob.digest, await open());
    return 'copied';
  }

  private refName(repo: RepoRef, tag: string): string {
    return `${repo.registry}/${repo.repository}:${tag}`;
  }

  async hasManifest(repo: RepoRef, item: ManifestItem): Promise<boolean> {
    const named = item.tag ? this.writer.taggedDigest(this.refName(repo, item.tag)) === item.digest : item.listed ? this.writer.lists(item.digest) : true;
    return named && (await this.writer.hasBlob(item.digest, item.bytes.byteLength));
  }

  async putManifest(repo: RepoRef, item: ManifestItem): Promise<void> {
    if (item.tag || item.listed) {
      await this.writer.putManifest(item.bytes, { mediaType: item.mediaType, ...(item.tag ? { refName: this.refName(repo, item.tag) } : {}) });
    } else {
      await this.writer.putBlob(item.bytes);
    }
  }

  /** One save at a time, each of the latest entries: two images finishing together cannot rename an older index last. */
  flush(): Promise<void> {
    this.saving = this.saving.catch(() => {}).then(() => this.writer.save());
    return this.saving;
  }

  reader(): ImageSource {
    return new OciLayoutSource(this.writer.dir);
  }
}
