// cosign v3 image signatures for tests: a Sigstore v0.3 bundle holding a DSSE envelope with an in-toto statement
// (predicate https://sigstore.dev/cosign/sign/v1, subject the image digest), logged as a Rekor dsse entry.
// Built from the test PKI's primitives (test/helpers/pki), which do the certificate and log work.
import { createHash } from 'node:crypto';
import { tlogEntryJson } from './pki/bundles.js';
import { createLeaf } from './pki/certificates.js';
import { deterministicSign, seededKeyPair } from './pki/keys.js';
import { getTestPki } from './pki/pki.js';
import { makeRekorEntry } from './pki/rekor-log.js';
import { DEFAULT_SIGNED_AT, GOOGLE_ISSUER, K8S_IMAGE_IDENTITY } from './pki/sign.js';

const IN_TOTO = 'application/vnd.in-toto+json';
export const COSIGN_SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1';

export interface BundleSignOptions {
  identity?: string;
  issuer?: string;
  /** The digest the statement names (default: the image's own). */
  subjectDigest?: string;
  predicateType?: string;
  /** A PKI name other than 'trusted' for a CA the trusted root does not know. */
  caName?: string;
}

const sha256hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function pae(payloadType: string, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`DSSEv1 ${Buffer.byteLength(payloadType)} ${payloadType} ${payload.length} `), payload]);
}

/** A cosign v3 bundle (plain object) signing `imageDigest` of `repository`. */
export async function signImageBundle(repository: string, imageDigest: string, options: BundleSignOptions = {}): Promise<Record<string, unknown>> {
  const pki = await getTestPki();
  const ca = options.caName ? await getTestPki(options.caName) : pki;
  const identity = options.identity ?? K8S_IMAGE_IDENTITY;
  const issuer = options.issuer ?? GOOGLE_ISSUER;
  const subject = options.subjectDigest ?? imageDigest;
  const statement = {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: repository, digest: { sha256: subject.replace(/^sha256:/, '') } }],
    predicateType: options.predicateType ?? COSIGN_SIGN_PREDICATE,
    predicate: {},
  };
  const payload = Buffer.from(JSON.stringify(statement));
  const notBefore = DEFAULT_SIGNED_AT;
  const leafKeys = await seededKeyPair(`dsse-leaf/${ca.name}/${identity}/${issuer}/${sha256hex(payload)}`, 'P-256');
  const leaf = await createLeaf(leafKeys, ca.intermediate, ca.intermediateKeys, {
    identity,
    issuer,
    notBefore,
    notAfter: new Date(notBefore.getTime() + 10 * 60_000),
    ctLog: ca.ctLog,
  });
  const signature = deterministicSign(pae(IN_TOTO, payload), leafKeys).toString('base64');
  const envelope = { payload: payload.toString('base64'), payloadType: IN_TOTO, signatures: [{ sig: signature, keyid: '' }] };
  const body = Buffer.from(
    JSON.stringify({
      apiVersion: '0.0.1',
      kind: 'dsse',
      spec: {
        envelopeHash: { algorithm: 'sha256', value: sha256hex(Buffer.from(JSON.stringify(envelope))) },
        payloadHash: { algorithm: 'sha256', value: sha256hex(payload) },
        signatures: [{ signature, verifier: Buffer.from(leaf.pem).toString('base64') }],
      },
    }),
  );
  const { uuid, entry } = makeRekorEntry(pki.rekor, body, {
    integratedTime: Math.floor(notBefore.getTime() / 1000) + 20,
    logIndex: 223_456_789,
    inclusionProof: true,
  });
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: {
      certificate: { rawBytes: leaf.der.toString('base64') },
      tlogEntries: [tlogEntryJson(entry[uuid]!)],
      timestampVerificationData: { rfc3161Timestamps: [] },
    },
    dsseEnvelope: envelope,
  };
}
