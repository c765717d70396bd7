// A registry as the mirror's target: repositories under an optional prefix, blobs mounted across its repositories.
import type { Readable } from 'node:stream';
import type { Descriptor } from '../../registry/manifest.js';
import { RegistryWriter } from '../../registry/registry-writer.js';
import { RemoteRegistry, type RemoteOptions } from '../../registry/remote.js';
import type { ImageSource, RepoRef } from '../../registry/source.js';
import type { ManifestItem } from './mirror-plan.js';
import type { MirrorTarget } from './mirror-target.js';

export class RegistryTarget implements MirrorTarget {
  private readonly writer: RegistryWriter;
  private readBack?: RemoteRegistry;

  constructor(
    readonly host: string,
    readonly prefix: string,
    private readonly options: RemoteOptions,
  ) {
    this.writer = new RegistryWriter(host, options);
  }

  describe(): string {
    return `registry ${this.host}${this.prefix ? `/${this.prefix}` : ''}`;
  }

  repoFor(source: RepoRef): RepoRef {
    return { registry: this.host, repository: this.prefix ? `${this.prefix}/${source.repository}` : source.repository };
  }

  blobKey(repo: RepoRef, digest: string): string {
    return `${repo.repository}@${digest}`;
  }

  hasBlob(repo: RepoRef, blob: Descriptor): Promise<boolean> {
    return this.writer.hasBlob(repo.repository, blob.digest);
  }

  async putBlob(repo: RepoRef, blob: Descriptor, open: () => Promise<Readable>, mountFrom?: RepoRef): Promise<'copied' | 'mounted'> {
    let session: string | undefined;
    if (mountFrom) {
      const mounted = await this.writer.mountBlob(repo.repository, blob.digest, mountFrom.repository);
      if (mounted === true) return 'mounted';
      session = mounted;
    }
    await this.writer.pushBlob(repo.repository, blob.digest, blob.size, await open(), session);
    return 'copied';
  }

  async hasManifest(repo: RepoRef, item: ManifestItem): Promise<boolean> {
    return (await this.writer.manifestDigest(repo.repository, item.tag ?? item.digest)) === item.digest;
  }

  putManifest(repo: RepoRef, item: ManifestItem): Promise<void> {
    return this.writer.putManifest(repo.repository, item.tag ?? item.digest, item.bytes, item.mediaType);
  }

  async flush(): Promise<void> {}

  /** One client for every read-back (its connections and tokens are shared). */
  reader(): ImageSource {
    this.readBack ??= new RemoteRegistry(this.options);
    return this.readBack;
  }
}
