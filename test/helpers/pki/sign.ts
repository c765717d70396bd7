// Keyless signing the way the Kubernetes release does it (cosign sign-blob with a Fulcio certificate and a Rekor
// hashedrekord entry), with switches that produce each kind of bad material the verifier must reject.
import { createHash } from 'node:crypto';
import { createLeaf } from './certificates.js';
import { deterministicSign, seededKeyPair, type TestKeyPair } from './keys.js';
import { getTestPki, type TestPki } from './pki.js';
import { hashedRekordBody, makeRekorEntry, type RekorEntryValue, type RekorRestEntry } from './rekor-log.js';

export const K8S_BLOB_IDENTITY = 'krel-staging@k8s-releng-prod.iam.gserviceaccount.com';
export const K8S_IMAGE_IDENTITY = 'krel-trust@k8s-releng-prod.iam.gserviceaccount.com';
export const GOOGLE_ISSUER = 'https://accounts.google.com';
/** Default signing time of the test material (any time after PKI_VALID_FROM works). */
export const DEFAULT_SIGNED_AT = new Date('2025-03-04T10:00:00Z');

export interface SignOptions {
  identity?: string;
  issuer?: string;
  /** Start of the 10-minute certificate validity. */
  notBefore?: Date;
  validityMinutes?: number;
  /** Rekor integratedTime; default notBefore + 20 s. */
  integratedTime?: Date;
  /** Make integratedTime fall one minute after the certificate expired. */
  expiredAtSigning?: boolean;
  /** The PKI whose Rekor log records the entry (and whose CA issues the leaf unless `ca` is set). */
  pki?: TestPki;
  /** A different PKI to issue the leaf: `await getTestPki('untrusted')` gives an untrusted CA. */
  ca?: TestPki;
  /** Embed an SCT from the PKI's CT log (default true). */
  sct?: boolean;
  /** Include an inclusion proof and checkpoint in the Rekor entry (default true). */
  inclusionProof?: boolean;
  /** Sign the SET with a key that is not the log's. */
  forgeSet?: boolean;
  /** Record in Rekor a signature over these bytes instead (an entry for another artifact). */
  rekorEntryForArtifact?: Uint8Array;
  logIndex?: number;
}

export interface SignedBlob {
  artifactDigestHex: string;
  /** DER ECDSA signature. */
  signature: Buffer;
  /** Content of a Kubernetes `.sig` file. */
  signatureB64: string;
  certificatePem: string;
  /** Content of a Kubernetes `.cert` file: base64 of the PEM. */
  certificateB64: string;
  certificateDer: Buffer;
  /** Intermediate then root, PEM (cosign's dev.sigstore.cosign/chain). */
  chainPem: string;
  /** The Rekor REST API shape `{uuid: {body, integratedTime, logID, logIndex, verification}}`. */
  rekorEntry: RekorRestEntry;
  rekorUuid: string;
  /** The single value inside rekorEntry. */
  rekorValue: RekorEntryValue;
  leafKeys: TestKeyPair;
}

export async function signBlob(artifact: Uint8Array, options: SignOptions = {}): Promise<SignedBlob> {
  const pki = options.pki ?? (await getTestPki());
  const ca = options.ca ?? pki;
  const identity = options.identity ?? K8S_BLOB_IDENTITY;
  const issuer = options.issuer ?? GOOGLE_ISSUER;
  const notBefore = options.notBefore ?? DEFAULT_SIGNED_AT;
  const notAfter = new Date(notBefore.getTime() + (options.validityMinutes ?? 10) * 60_000);
  const artifactDigestHex = sha256Hex(artifact);
  const leafKeys = await seededKeyPair(`leaf/${ca.name}/${identity}/${issuer}/${notBefore.toISOString()}/${artifactDigestHex}`, 'P-256');
  const leaf = await createLeaf(leafKeys, ca.intermediate, ca.intermediateKeys, {
    identity,
    issuer,
    notBefore,
    notAfter,
    ctLog: options.sct === false ? undefined : ca.ctLog,
  });
  const signature = deterministicSign(artifact, leafKeys);
  const signatureB64 = signature.toString('base64');

  const logged = options.rekorEntryForArtifact;
  const loggedDigest = logged ? sha256Hex(logged) : artifactDigestHex;
  const loggedSignature = logged ? deterministicSign(logged, leafKeys).toString('base64') : signatureB64;
  const integratedTime = options.expiredAtSigning ? new Date(notAfter.getTime() + 60_000) : (options.integratedTime ?? new Date(notBefore.getTime() + 20_000));
  const setSigner = options.forgeSet ? await seededKeyPair('forged-set-signer', 'P-256') : undefined;
  const { uuid, entry } = makeRekorEntry(pki.rekor, hashedRekordBody(loggedDigest, loggedSignature, leaf.pem), {
    integratedTime: Math.floor(integratedTime.getTime() / 1000),
    logIndex: options.logIndex ?? 123_456_789,
    inclusionProof: options.inclusionProof !== false,
    setSigner,
  });
  return {
    artifactDigestHex,
    signature,
    signatureB64,
    certificatePem: leaf.pem,
    certificateB64: Buffer.from(leaf.pem).toString('base64'),
    certificateDer: leaf.der,
    chainPem: ca.intermediate.pem + ca.root.pem,
    rekorEntry: entry,
    rekorUuid: uuid,
    rekorValue: entry[uuid]!,
    leafKeys,
  };
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
