// cosign sign --key for tests: a legacy simple-signing layer with the signature annotation (no certificate) and the
// Rekor entry of a hashedrekord that names the public key, as cosign uploads it. Keys come from sign-with-key.ts.
import { createHash } from 'node:crypto';
import { cosignBundleAnnotation } from './pki/bundles.js';
import { getTestPki } from './pki/pki.js';
import { hashedRekordBody, makeRekorEntry } from './pki/rekor-log.js';
import { DEFAULT_SIGNED_AT } from './pki/sign.js';
import { signBlobWithKey } from './pki/sign-with-key.js';
import type { LegacySignatureLayer } from './registry-push.js';

export async function signImageWithKey(
  repository: string,
  imageDigest: string,
  keyName = 'cosign-key',
): Promise<LegacySignatureLayer & { publicKeyPem: string }> {
  const payload = Buffer.from(
    JSON.stringify({
      critical: { identity: { 'docker-reference': repository }, image: { 'docker-manifest-digest': imageDigest }, type: 'cosign container image signature' },
      optional: null,
    }),
  );
  const signed = await signBlobWithKey(payload, keyName);
  const digestHex = createHash('sha256').update(payload).digest('hex');
  const pki = await getTestPki();
  const { uuid, entry } = makeRekorEntry(pki.rekor, hashedRekordBody(digestHex, signed.signatureB64, signed.publicKeyPem), {
    integratedTime: Math.floor(DEFAULT_SIGNED_AT.getTime() / 1000),
    logIndex: 323_456_789,
    inclusionProof: true,
  });
  return {
    payload,
    annotations: { 'dev.cosignproject.cosign/signature': signed.signatureB64, 'dev.sigstore.cosign/bundle': cosignBundleAnnotation(entry[uuid]!) },
    publicKeyPem: signed.publicKeyPem,
  };
}
