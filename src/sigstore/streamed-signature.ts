// A signature checked over bytes seen once as they streamed past (a release file while it downloads), so that no
// file, however large, is held in memory or read twice. The public Verifier still has the last word: it gets the
// same SignedEntity as for bytes in memory, whose signature content verifies over the streamed bytes instead.
import { createHash, createVerify, timingSafeEqual, type KeyObject, type Verify } from 'node:crypto';
import type { SignedEntity } from '@sigstore/verify';

type SignatureContent = SignedEntity['signature'];

/** The signed bytes as a stream saw them: their SHA-256 and a signature check fed with the same chunks. */
export interface StreamedArtifact {
  kind: 'streamed';
  sha256: Buffer;
  signature: StreamedSignatureCheck;
}

/** Bytes in memory, or bytes already streamed past (large files). */
export type SignedBytes = Uint8Array | StreamedArtifact;

export const isStreamed = (bytes: SignedBytes): bytes is StreamedArtifact => !(bytes instanceof Uint8Array);

/** SHA-256 of the signed bytes: hashed now when in memory, as the stream saw them otherwise. */
export const signedBytesSha256 = (bytes: SignedBytes): Buffer => (isStreamed(bytes) ? bytes.sha256 : createHash('sha256').update(bytes).digest());

/** ECDSA and RSA signatures over SHA-256 of a stream (a Kubernetes release file's .sig is one). */
export class StreamedSignatureCheck {
  readonly hashAlgorithm = 'sha256';
  private readonly verifier: Verify = createVerify('sha256');
  private outcome?: { key: KeyObject; signature: Buffer; valid: boolean };

  update(chunk: Uint8Array): void {
    if (this.outcome) throw new Error('the streamed signature check was already finished; no more bytes can join it');
    this.verifier.update(chunk);
  }

  /**
   * Whether `signature` over the streamed bytes verifies with `key`. The first call finishes the stream (Node's
   * Verify answers once); later calls repeat that answer for the same key and signature, and say no to any other.
   */
  verify(key: KeyObject, signature: Uint8Array): boolean {
    if (this.outcome) return this.outcome.valid && this.outcome.key.equals(key) && sameBytes(this.outcome.signature, signature);
    let valid = false;
    try {
      valid = this.verifier.verify(key, signature);
    } catch {
      valid = false; // a malformed signature or key is a signature that does not verify
    }
    this.outcome = { key, signature: Buffer.from(signature), valid };
    return valid;
  }
}

/** The message-signature content @sigstore/verify builds for bytes in memory, over streamed bytes instead. */
export function streamedSignatureContent(signature: Buffer, messageDigest: Buffer, hashAlgorithm: string, streamed: StreamedSignatureCheck): SignatureContent {
  return {
    signature,
    compareSignature: (other) => sameBytes(other, signature),
    compareDigest: (digest) => sameBytes(digest, messageDigest),
    // A signature over another hash than the one the stream was fed with cannot be checked: it does not verify.
    verifySignature: (key) => hashAlgorithm === streamed.hashAlgorithm && streamed.verify(key, signature),
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && timingSafeEqual(a, b);
}
