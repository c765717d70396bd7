// Pushing to a registry over the OCI distribution API: blob existence (HEAD), cross-repository mounts, monolithic
// streamed uploads, and manifests put byte-for-byte under their own media type.
import type { Readable } from 'node:stream';
import { checkError, ioError } from '../common/errors.js';
import { digestsEqual, sha256Digest } from './digest.js';
import { RegistryTransport, type RegistryResponse, type TransportOptions } from './http.js';
import { MANIFEST_ACCEPT } from './media-types.js';
import { isDigest } from './reference.js';
import { MAX_MANIFEST_BYTES } from './source.js';

export class RegistryWriter {
  private readonly transport: RegistryTransport;

  constructor(
    readonly host: string,
    options: TransportOptions = {},
  ) {
    this.transport = new RegistryTransport(options);
  }

  private url(repository: string, path: string): string {
    return `${this.transport.baseUrl(this.host)}/v2/${repository}/${path}`;
  }

  private scope(repository: string, from?: string): string {
    return `repository:${repository}:pull,push${from && from !== repository ? ` repository:${from}:pull` : ''}`;
  }

  private failed(res: Pick<RegistryResponse, 'status' | 'errorCodes'>, what: string): Error {
    const codes = res.errorCodes.length ? ` (${res.errorCodes.join(', ')})` : '';
    if (res.status === 401 || res.status === 403)
      return ioError('REGISTRY_UNAUTHORIZED', `${this.host}: ${what}: HTTP ${res.status}${codes}; check the credentials in the Docker config`);
    return ioError('REGISTRY_HTTP_ERROR', `${this.host}: ${what}: registry answered HTTP ${res.status}${codes}`);
  }

  async hasBlob(repository: string, digest: string): Promise<boolean> {
    const res = await this.transport.request('HEAD', this.url(repository, `blobs/${digest}`), { maxBytes: 0, scope: this.scope(repository) });
    if (res.status === 200) return true;
    if (res.status === 404) return false;
    throw this.failed(res, `HEAD blob ${repository}@${digest}`);
  }

  /**
   * Asks the registry to link a blob it holds in `from` into `repository` (no bytes move). Returns true when it did;
   * otherwise the upload session it opened instead, for the bytes.
   */
  async mountBlob(repository: string, digest: string, from: string): Promise<true | string> {
    const url = new URL(this.url(repository, 'blobs/uploads/'));
    url.searchParams.set('mount', digest);
    url.searchParams.set('from', from);
    const res = await this.transport.request('POST', url.href, { maxBytes: 64 * 1024, scope: this.scope(repository, from), body: new Uint8Array() });
    if (res.status === 201) return true;
    if (res.status === 202) return this.location(res, repository);
    throw this.failed(res, `mount ${digest} from ${from} into ${repository}`);
  }

  private location(res: RegistryResponse, repository: string): string {
    const location = res.headers.get('location');
    if (!location) throw ioError('REGISTRY_HTTP_ERROR', `${this.host}: upload to ${repository} started without a Location header`);
    return new URL(location, res.url).href;
  }

  private async startUpload(repository: string): Promise<string> {
    const res = await this.transport.request('POST', this.url(repository, 'blobs/uploads/'), {
      maxBytes: 64 * 1024,
      scope: this.scope(repository),
      body: new Uint8Array(),
    });
    if (res.status !== 202) throw this.failed(res, `start an upload to ${repository}`);
    return this.location(res, repository);
  }

  /** One PUT with the whole blob streamed; the registry checks the digest too and keeps nothing that does not match. */
  async pushBlob(repository: string, digest: string, size: number, content: Readable, session?: string): Promise<void> {
    // undici stops listening once the request fails; the stream's own error is reported from `errored` below.
    content.on('error', () => {});
    const location = new URL(session ?? (await this.startUpload(repository)));
    location.searchParams.set('digest', digest);
    const res = await this.transport
      .request('PUT', location.href, {
        maxBytes: 64 * 1024,
        scope: this.scope(repository),
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) },
        body: content,
      })
      .catch((err: unknown) => {
        // The source's own failure (a cut connection, a digest mismatch) says more than the upload's.
        throw (content as { errored?: unknown }).errored ?? err;
      });
    if (res.status !== 201) throw this.failed(res, `upload of ${digest} to ${repository}`);
  }

  /** The digest a tag or digest points at in the target, or undefined. */
  async manifestDigest(repository: string, reference: string): Promise<string | undefined> {
    const res = await this.transport.request('HEAD', this.url(repository, `manifests/${reference}`), {
      maxBytes: 0,
      accept: MANIFEST_ACCEPT,
      scope: this.scope(repository),
    });
    if (res.status === 404) return undefined;
    if (res.status !== 200) throw this.failed(res, `HEAD manifest ${repository}:${reference}`);
    const claimed = res.headers.get('docker-content-digest');
    if (claimed && isDigest(claimed)) return claimed;
    // No digest header: fetch and hash, as the reader does.
    const got = await this.transport.request('GET', this.url(repository, `manifests/${reference}`), {
      maxBytes: MAX_MANIFEST_BYTES,
      accept: MANIFEST_ACCEPT,
      scope: this.scope(repository),
    });
    return got.status === 200 ? sha256Digest(got.body) : undefined;
  }

  /** PUTs the exact bytes with their media type; the registry must answer with the same digest. */
  async putManifest(repository: string, reference: string, bytes: Uint8Array, mediaType: string): Promise<void> {
    const res = await this.transport.request('PUT', this.url(repository, `manifests/${reference}`), {
      maxBytes: 64 * 1024,
      scope: this.scope(repository),
      headers: { 'content-type': mediaType },
      body: bytes,
    });
    if (res.status !== 201) throw this.failed(res, `put manifest ${repository}:${reference}`);
    const claimed = res.headers.get('docker-content-digest');
    const digest = sha256Digest(bytes);
    if (claimed && claimed.startsWith('sha256:') && !digestsEqual(claimed, digest)) {
      throw checkError('DIGEST_MISMATCH', `${this.host}: stored manifest ${repository}:${reference} as ${claimed}, but its bytes hash to ${digest}`);
    }
  }
}
