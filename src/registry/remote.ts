// ImageSource over the OCI distribution API (registry.k8s.io, Docker Hub, a local docker-registry).
import { Readable } from 'node:stream';
import { checkError, ioError, KubeSbomError } from '../common/errors.js';
import { assertDigest, digestsEqual, sha256Digest } from './digest.js';
import { digestChecker } from './digest-stream.js';
import { RegistryTransport, type RegistryResponse, type TransportOptions } from './http.js';
import { parseManifest, type Descriptor, type FetchedManifest } from './manifest.js';
import { MANIFEST_ACCEPT, OCI_INDEX } from './media-types.js';
import { mirrorTarget } from './mirror-target.js';
import { isDigest } from './reference.js';
import { resumingBlob } from './resuming-blob.js';
import { MAX_MANIFEST_BYTES, type ImageSource, type ManifestHead, type RepoRef } from './source.js';

export interface RemoteOptions extends TransportOptions {
  /** Fetch from another host (and path prefix) instead: { 'registry.k8s.io': '127.0.0.1:5000/k8s' }. Digests stay the same. */
  mirrors?: Record<string, string>;
}

export class RemoteRegistry implements ImageSource {
  private readonly transport: RegistryTransport;
  /** Hosts that answered 404/405 at /referrers/: per the OCI distribution spec they have no referrers API at all. */
  private readonly noReferrersApi: Set<string>;

  constructor(
    private readonly options: RemoteOptions = {},
    shared?: { transport: RegistryTransport; noReferrersApi: Set<string> },
    private readonly signal?: AbortSignal,
  ) {
    this.transport = shared?.transport ?? new RegistryTransport(options);
    this.noReferrersApi = shared?.noReferrersApi ?? new Set();
  }

  /** The same client (connections, tokens) with every request and retry wait ended by `signal`. */
  withSignal(signal: AbortSignal): RemoteRegistry {
    return new RemoteRegistry(this.options, { transport: this.transport, noReferrersApi: this.noReferrersApi }, signal);
  }

  private host(repo: RepoRef): string {
    return mirrorTarget(repo, this.options.mirrors).host;
  }

  describe(repo: RepoRef): string {
    return `registry ${this.options.mirrors?.[repo.registry] ?? this.host(repo)}`;
  }

  private url(repo: RepoRef, kind: 'manifests' | 'blobs' | 'referrers', reference: string): string {
    const target = mirrorTarget(repo, this.options.mirrors);
    return `${this.transport.baseUrl(target.host)}/v2/${target.repository}/${kind}/${reference}`;
  }

  private scope(repo: RepoRef): string {
    return `repository:${mirrorTarget(repo, this.options.mirrors).repository}:pull`;
  }

  private unexpected(res: RegistryResponse, what: string): Error {
    const codes = res.errorCodes.length ? ` (${res.errorCodes.join(', ')})` : '';
    const retryAfter = res.headers.get('retry-after');
    const later = retryAfter && (res.status === 429 || res.status >= 500) ? `, asking to retry after ${retryAfter} s; try again later` : '';
    return ioError('REGISTRY_HTTP_ERROR', `${what}: registry answered HTTP ${res.status}${codes}${later}`);
  }

  async ping(repo: RepoRef): Promise<void> {
    const host = this.host(repo);
    const res = await this.transport.request('GET', `${this.transport.baseUrl(host)}/v2/`, {
      maxBytes: 64 * 1024,
      scope: '',
      auth: false,
      signal: this.signal,
    });
    if (res.status === 200 || res.status === 401) return;
    if (res.status === 404) throw ioError('NOT_A_REGISTRY', `${host} answers 404 at /v2/: not an OCI distribution registry; check the host name`);
    throw this.unexpected(res, `${host}/v2/`);
  }

  async fetchManifest(repo: RepoRef, reference: string): Promise<FetchedManifest | undefined> {
    const where = `${repo.registry}/${repo.repository}:${reference}`;
    const res = await this.transport.request('GET', this.url(repo, 'manifests', reference), {
      accept: MANIFEST_ACCEPT,
      maxBytes: MAX_MANIFEST_BYTES,
      scope: this.scope(repo),
      signal: this.signal,
    });
    if (res.status === 404) return undefined;
    if (res.status !== 200) throw this.unexpected(res, where);
    let digest: string;
    if (isDigest(reference)) {
      assertDigest(res.body, reference, `manifest ${where}`);
      digest = reference;
    } else {
      digest = sha256Digest(res.body);
      const claimed = res.headers.get('docker-content-digest');
      if (claimed && claimed.startsWith('sha256:') && !digestsEqual(claimed, digest)) {
        throw checkError('DIGEST_MISMATCH', `manifest ${where}: registry says ${claimed} but the bytes it sent hash to ${digest}`);
      }
    }
    const contentType = res.headers.get('content-type') ?? undefined;
    const manifest = parseManifest(res.body, contentType);
    return { bytes: res.body, digest, mediaType: manifest.mediaType, manifest };
  }

  async headManifest(repo: RepoRef, reference: string): Promise<ManifestHead | undefined> {
    const res = await this.transport.request('HEAD', this.url(repo, 'manifests', reference), {
      accept: MANIFEST_ACCEPT,
      maxBytes: 0,
      scope: this.scope(repo),
      signal: this.signal,
    });
    if (res.status === 404) return undefined;
    const claimed = res.headers.get('docker-content-digest');
    if (res.status !== 200 || !claimed || !isDigest(claimed)) {
      // Some registries answer HEAD badly or without a digest: fall back to fetching and hashing the body.
      const fetched = await this.fetchManifest(repo, reference);
      return fetched && { digest: fetched.digest, mediaType: fetched.mediaType, size: fetched.bytes.byteLength };
    }
    if (isDigest(reference) && !digestsEqual(claimed, reference)) {
      throw checkError('DIGEST_MISMATCH', `manifest ${repo.registry}/${repo.repository}@${reference}: registry answered with digest ${claimed}`);
    }
    const size = Number(res.headers.get('content-length'));
    return {
      digest: claimed,
      ...(res.headers.get('content-type') ? { mediaType: res.headers.get('content-type')!.split(';')[0]! } : {}),
      ...(Number.isFinite(size) ? { size } : {}),
    };
  }

  async fetchBlob(repo: RepoRef, digest: string, maxBytes: number): Promise<Uint8Array> {
    const where = `${repo.registry}/${repo.repository}@${digest}`;
    const res = await this.transport.request('GET', this.url(repo, 'blobs', digest), { maxBytes, scope: this.scope(repo), signal: this.signal });
    if (res.status === 404) throw checkError('BLOB_NOT_FOUND', `blob ${where}: the registry does not have it`);
    if (res.status !== 200) throw this.unexpected(res, `blob ${where}`);
    assertDigest(res.body, digest, `blob ${where}`);
    return res.body;
  }

  /** True when the registry has the blob (HEAD 200), false on 404. */
  async hasBlob(repo: RepoRef, digest: string): Promise<boolean> {
    const res = await this.transport.request('HEAD', this.url(repo, 'blobs', digest), { maxBytes: 0, scope: this.scope(repo), signal: this.signal });
    if (res.status === 404) return false;
    if (res.status !== 200) throw this.unexpected(res, `blob ${repo.registry}/${repo.repository}@${digest}`);
    return true;
  }

  /**
   * A blob as a stream that fails (DIGEST_MISMATCH) at its end unless its bytes hash to `digest`: memory stays flat.
   * A cut connection is resumed from where it stopped (resuming-blob.ts).
   */
  async openBlob(repo: RepoRef, digest: string, size?: number): Promise<Readable> {
    const where = `${repo.registry}/${repo.repository}@${digest}`;
    const url = this.url(repo, 'blobs', digest);
    const open = (from: number) =>
      this.transport.stream('GET', url, {
        maxBytes: 0,
        scope: this.scope(repo),
        signal: this.signal,
        ...(from > 0 ? { headers: { range: `bytes=${from}-` } } : {}),
      });
    const res = await open(0);
    if (res.status === 404) throw checkError('BLOB_NOT_FOUND', `blob ${where}: the registry does not have it`);
    if (res.status !== 200 || !res.body) {
      res.body?.dump().catch(() => {});
      throw this.unexpected({ ...res, body: new Uint8Array() }, `blob ${where}`);
    }
    const body = Readable.from(resumingBlob(res.body, open, where), { objectMode: false });
    const checker = digestChecker(digest, `blob ${where}`, size);
    // A read that could not be resumed is the network's failure, said in one line; the checker carries it to the reader.
    body.on('error', (err) =>
      checker.destroy(
        err instanceof KubeSbomError ? err : ioError('REGISTRY_READ_FAILED', `blob ${where}: the answer broke off (${err.message}); run again to resume`, err),
      ),
    );
    checker.on('close', () => body.destroy());
    return body.pipe(checker);
  }

  async listReferrers(repo: RepoRef, digest: string, artifactType?: string): Promise<Descriptor[] | undefined> {
    // A registry with the API never answers it 404 (OCI distribution spec): asking it again for every image is wasted.
    if (this.noReferrersApi.has(this.host(repo))) return undefined;
    const url = new URL(this.url(repo, 'referrers', digest));
    if (artifactType) url.searchParams.set('artifactType', artifactType);
    const res = await this.transport.request('GET', url.href, {
      accept: OCI_INDEX,
      maxBytes: MAX_MANIFEST_BYTES,
      scope: this.scope(repo),
      signal: this.signal,
    });
    // 404 (or 405) means no referrers API: the caller falls back to the sha256-<hex> tag.
    // Only a bare route miss: a 404 carrying a registry error (NAME_UNKNOWN for one repository) says nothing of the API.
    if ((res.status === 404 || res.status === 405) && res.errorCodes.length === 0) this.noReferrersApi.add(this.host(repo));
    if (res.status === 404 || res.status === 405 || res.status === 400) return undefined;
    if (res.status !== 200) throw this.unexpected(res, `referrers of ${repo.registry}/${repo.repository}@${digest}`);
    // Some proxies answer 200 with a web page for unknown paths: that is no referrers API, and the tag fallback runs anyway.
    let index;
    try {
      index = parseManifest(res.body, OCI_INDEX);
    } catch {
      return undefined;
    }
    if (index.kind !== 'index') return undefined;
    return index.manifests.filter((d) => !artifactType || d.artifactType === artifactType);
  }
}
