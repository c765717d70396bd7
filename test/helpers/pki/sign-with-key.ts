// Key-based signing (cosign sign-blob --key): no certificate, no Rekor entry, only a signature and a public key.
import { deterministicSign, seededKeyPair } from './keys.js';

export interface KeySignedBlob {
  signature: Buffer;
  signatureB64: string;
  /** SPKI PEM, as `cosign generate-key-pair` writes cosign.pub. */
  publicKeyPem: string;
}

/** Signs with a seeded P-256 key; a different `keyName` gives a different key (for wrong-key tests). */
export async function signBlobWithKey(artifact: Uint8Array, keyName = 'cosign-key'): Promise<KeySignedBlob> {
  const keys = await seededKeyPair(`key/${keyName}`, 'P-256');
  const signature = deterministicSign(artifact, keys);
  const publicKeyPem = keys.publicKey.export({ format: 'pem', type: 'spki' }).toString();
  return { signature, signatureB64: signature.toString('base64'), publicKeyPem };
}
