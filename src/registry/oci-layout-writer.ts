// Writes an OCI image layout folder: content-addressed blobs plus an index.json naming tagged manifests.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { writeFileAtomic } from '../common/atomic-write.js';
import { discardTempFile } from '../common/discard-temp-file.js';
import { digestTagBase, sha256Digest } from './digest.js';
import type { Descriptor, Platform } from './manifest.js';
import { COSIGN_SIMPLESIGNING, OCI_CONFIG, OCI_EMPTY, OCI_INDEX, OCI_MANIFEST, SIGSTORE_BUNDLE_V03 } from './media-types.js';
import { REF_NAME } from './oci-layout.js';

export interface PutManifestOptions {
  mediaType: string;
  /** Full reference to tag it with, e.g. registry.k8s.io/kube-apiserver-amd64:v1.25.4. */
  refName?: string;
  platform?: Platform;
  artifactType?: string;
}

export class OciLayoutWriter {
  private entries: Descriptor[] = [];

  private constructor(readonly dir: string) {}

  /** Opens (or starts) a layout; an existing index.json is kept and added to. */
  static async open(dir: string, options: { create?: boolean } = {}): Promise<OciLayoutWriter> {
    const writer = new OciLayoutWriter(dir);
    // create: false only reads what is there (mirror --dry-run asks what a layout holds without touching it).
    if (options.create !== false) {
      await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true });
      await writeFileAtomic(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
    }
    try {
      const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { manifests?: Descriptor[] };
      writer.entries = index.manifests ?? [];
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    return writer;
  }

  /** Stores bytes under their digest (once) and returns the digest and size. */
  async putBlob(bytes: Uint8Array): Promise<{ digest: string; size: number }> {
    const digest = sha256Digest(bytes);
    const path = join(this.dir, 'blobs', 'sha256', digest.slice('sha256:'.length));
    const exists = await stat(path).then(
      () => true,
      () => false,
    );
    if (!exists) await writeFileAtomic(path, bytes);
    return { digest, size: bytes.byteLength };
  }

  private blobPath(digest: string): string {
    const [algorithm, hex] = digest.split(':');
    return join(this.dir, 'blobs', algorithm!, hex!);
  }

  /** True when the blob is stored with the size its descriptor declares (a file cut short is written again). */
  async hasBlob(digest: string, size: number): Promise<boolean> {
    return stat(this.blobPath(digest)).then(
      (s) => s.size === size,
      () => false,
    );
  }

  /** Streams a blob (already checked against its digest by the stream) to a temporary file, renamed once complete. */
  async putBlobStream(digest: string, content: Readable): Promise<void> {
    const path = this.blobPath(digest);
    await mkdir(join(path, '..'), { recursive: true });
    const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    const file = createWriteStream(temp, { flags: 'wx' });
    try {
      await pipeline(content, file);
      await rename(temp, path);
    } catch (err) {
      await discardTempFile(file, temp);
      throw err;
    }
  }

  /** The digest index.json tags `refName` with, if any. */
  taggedDigest(refName: string): string | undefined {
    return this.entries.find((d) => d.annotations?.[REF_NAME] === refName)?.digest;
  }

  /** True when index.json lists this manifest (without a ref name: a referrer). */
  lists(digest: string): boolean {
    return this.entries.some((d) => d.digest === digest);
  }

  /** Stores a manifest (object or exact bytes) and lists it in index.json; a ref name moves to the new manifest. */
  async putManifest(manifest: object | Uint8Array, options: PutManifestOptions): Promise<Descriptor> {
    const bytes = manifest instanceof Uint8Array ? manifest : Buffer.from(JSON.stringify(manifest));
    const { digest, size } = await this.putBlob(bytes);
    const descriptor: Descriptor = {
      mediaType: options.mediaType,
      digest,
      size,
      ...(options.artifactType ? { artifactType: options.artifactType } : {}),
      ...(options.platform ? { platform: options.platform } : {}),
      ...(options.refName ? { annotations: { [REF_NAME]: options.refName } } : {}),
    };
    if (options.refName) this.entries = this.entries.filter((d) => d.annotations?.[REF_NAME] !== options.refName);
    else if (this.entries.some((d) => d.digest === digest && !d.annotations?.[REF_NAME])) return descriptor;
    this.entries.push(descriptor);
    return descriptor;
  }

  /**
   * cosign's legacy scheme, as discovery reads it: a manifest tagged `<repository>:sha256-<hex>.sig` with one
   * simple-signing layer per signature (payload = the layer blob, annotations = signature, certificate, Rekor SET).
   */
  async putLegacySignatures(
    repositoryName: string,
    imageDigest: string,
    signatures: Array<{ payload: Uint8Array; annotations: Record<string, string> }>,
  ): Promise<Descriptor> {
    const layers = [];
    for (const s of signatures) layers.push({ mediaType: COSIGN_SIMPLESIGNING, ...(await this.putBlob(s.payload)), annotations: s.annotations });
    const config = await this.putBlob(Buffer.from('{}'));
    return this.putManifest(
      { schemaVersion: 2, mediaType: OCI_MANIFEST, config: { mediaType: OCI_CONFIG, ...config }, layers },
      { mediaType: OCI_MANIFEST, refName: `${repositoryName}:${digestTagBase(imageDigest)}.sig` },
    );
  }

  /** A Sigstore bundle (cosign v3) attached to `subject` as an OCI 1.1 referrer; the reader finds it by its subject. */
  async putBundleReferrer(subject: Pick<Descriptor, 'mediaType' | 'digest' | 'size'>, bundleJson: Uint8Array): Promise<Descriptor> {
    const empty = await this.putBlob(Buffer.from('{}'));
    const bundle = await this.putBlob(bundleJson);
    return this.putManifest(
      {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        artifactType: SIGSTORE_BUNDLE_V03,
        config: { mediaType: OCI_EMPTY, ...empty },
        layers: [{ mediaType: SIGSTORE_BUNDLE_V03, ...bundle }],
        subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
      },
      { mediaType: OCI_MANIFEST, artifactType: SIGSTORE_BUNDLE_V03 },
    );
  }

  /** Writes index.json atomically; call once after the last put. */
  async save(): Promise<void> {
    const index = { schemaVersion: 2, mediaType: OCI_INDEX, manifests: this.entries };
    await writeFileAtomic(join(this.dir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  }
}
