// An ImageSource that asks its source once per question: the mirror verifies an image, plans its copy and copies it
// through one of these, so the plan and the copy carry exactly the manifests and signatures that were verified, and
// the registry (whose CPU a local mirror shares) is not asked again for them.
import { Readable } from 'node:stream';
import { digestChecker } from './digest-stream.js';
import type { Descriptor, FetchedManifest } from './manifest.js';
import type { ImageSource, ManifestHead, RepoRef } from './source.js';

interface Answers {
  manifests: Map<string, Promise<FetchedManifest | undefined>>;
  referrers: Map<string, Promise<Descriptor[] | undefined>>;
  blobs: Map<string, Promise<Uint8Array>>;
}

const repoKey = (repo: RepoRef) => `${repo.registry}/${repo.repository}`;

export class MemoSource implements ImageSource {
  constructor(
    private readonly source: ImageSource,
    private readonly answers: Answers = { manifests: new Map(), referrers: new Map(), blobs: new Map() },
  ) {}

  /** Same answers; new questions are ended by `signal` (the per-image deadline). */
  withSignal(signal: AbortSignal): ImageSource {
    return new MemoSource(this.source.withSignal?.(signal) ?? this.source, this.answers);
  }

  describe(repo: RepoRef): string {
    return this.source.describe(repo);
  }

  /** A failed question is forgotten, so it is asked again rather than failing twice. */
  private once<T>(map: Map<string, Promise<T>>, key: string, ask: () => Promise<T>): Promise<T> {
    let answer = map.get(key);
    if (!answer) {
      answer = ask();
      map.set(key, answer);
      answer.catch(() => map.get(key) === answer && map.delete(key));
    }
    return answer;
  }

  fetchManifest(repo: RepoRef, reference: string): Promise<FetchedManifest | undefined> {
    const repoId = repoKey(repo);
    return this.once(this.answers.manifests, `${repoId}|${reference}`, async () => {
      const got = await this.source.fetchManifest(repo, reference);
      // Fetched by tag, the bytes were hashed: the same bytes answer a fetch by that digest.
      if (got && !this.answers.manifests.has(`${repoId}|${got.digest}`)) this.answers.manifests.set(`${repoId}|${got.digest}`, Promise.resolve(got));
      return got;
    });
  }

  headManifest(repo: RepoRef, reference: string): Promise<ManifestHead | undefined> {
    return this.source.headManifest(repo, reference);
  }

  async fetchBlob(repo: RepoRef, digest: string, maxBytes: number): Promise<Uint8Array> {
    const key = `${repoKey(repo)}|${digest}`;
    const known = await this.answers.blobs.get(key)?.catch(() => undefined);
    // Kept only within the limit it was asked with: a smaller limit asks the source, which refuses as before.
    if (known && known.byteLength <= maxBytes) return known;
    const asked = this.source.fetchBlob(repo, digest, maxBytes);
    this.answers.blobs.set(key, asked);
    asked.catch(() => this.answers.blobs.get(key) === asked && this.answers.blobs.delete(key));
    return asked;
  }

  /** A small blob already fetched (a signature's payload) is streamed from memory, through the same digest and size check. */
  async openBlob(repo: RepoRef, digest: string, size?: number): Promise<Readable> {
    const bytes = await this.answers.blobs.get(`${repoKey(repo)}|${digest}`)?.catch(() => undefined);
    if (!bytes) return this.source.openBlob(repo, digest, size);
    return Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)], { objectMode: false }).pipe(
      digestChecker(digest, `blob ${repo.registry}/${repo.repository}@${digest}`, size),
    );
  }

  listReferrers(repo: RepoRef, digest: string, artifactType?: string): Promise<Descriptor[] | undefined> {
    return this.once(this.answers.referrers, `${repoKey(repo)}|${digest}|${artifactType ?? ''}`, () => this.source.listReferrers(repo, digest, artifactType));
  }
}
