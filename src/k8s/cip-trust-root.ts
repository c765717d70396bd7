// policy-controller's TrustRoot (spec.sigstoreKeys, "bring your own keys") as a Sigstore trusted_root.json text,
// so that the same trusted-root parser and verifier check signatures under it. TUF-based TrustRoots are not fetched.
import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import type { TrustRootDocument } from './cip-model.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
// TrustRoot documents carry no validity periods; the certificates' own validity still applies.
const VALID_FOR = { start: '1970-01-01T00:00:00Z' };

export function trustRootDocument(name: string, source: string, spec: Obj): TrustRootDocument {
  if (!isObj(spec.sigstoreKeys)) {
    const what = isObj(spec.remote)
      ? 'spec.remote (a TUF mirror)'
      : isObj(spec.repository)
        ? 'spec.repository (a serialized TUF repository)'
        : 'no spec.sigstoreKeys';
    return { name, source, unsupported: `TrustRoot ${name}: ${what} is not supported; use spec.sigstoreKeys, or pass --trusted-root` };
  }
  try {
    const keys = spec.sigstoreKeys;
    const root = {
      mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
      certificateAuthorities: list(keys.certificateAuthorities).map((ca) => authority(ca)),
      tlogs: list(keys.tLogs).map((log) => transparencyLog(log)),
      ctlogs: list(keys.ctLogs).map((log) => transparencyLog(log)),
      timestampAuthorities: list(keys.timestampAuthorities).map((ca) => authority(ca)),
    };
    return { name, source, trustedRootJson: JSON.stringify(root) };
  } catch (err) {
    return { name, source, unsupported: `TrustRoot ${name}: spec.sigstoreKeys is not usable: ${(err as Error).message}` };
  }
}

/** Kubernetes serialises []byte fields as base64; the bytes are PEM text. */
function pemField(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') throw new Error(`${field} is missing`);
  const text = Buffer.from(value, 'base64').toString('utf8');
  if (!text.includes('-----BEGIN')) throw new Error(`${field} is not base64 of PEM text`);
  return text;
}

function authority(value: unknown): Obj {
  const ca = isObj(value) ? value : {};
  const pem = pemField(ca.certChain, 'certChain');
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) throw new Error('certChain holds no certificate');
  const subject = isObj(ca.subject) ? ca.subject : {};
  return {
    subject: { organization: String(subject.organization ?? ''), commonName: String(subject.commonName ?? '') },
    uri: String(ca.uri ?? ''),
    certChain: { certificates: blocks.map((b) => ({ rawBytes: new X509Certificate(b).raw.toString('base64') })) },
    validFor: VALID_FOR,
  };
}

function transparencyLog(value: unknown): Obj {
  const log = isObj(value) ? value : {};
  const key = createPublicKey(pemField(log.publicKey, 'publicKey'));
  const der = key.export({ format: 'der', type: 'spki' });
  const hash = String(log.hashAlgorithm ?? 'sha-256').toLowerCase();
  if (hash !== 'sha-256' && hash !== 'sha256') throw new Error(`hashAlgorithm ${hash} is not sha-256`);
  return {
    baseUrl: String(log.baseURL ?? log.baseUrl ?? ''),
    hashAlgorithm: 'SHA2_256',
    publicKey: { rawBytes: der.toString('base64'), keyDetails: keyDetails(key.asymmetricKeyType, key.asymmetricKeyDetails?.namedCurve), validFor: VALID_FOR },
    logId: { keyId: createHash('sha256').update(der).digest('base64') },
  };
}

function keyDetails(type: string | undefined, curve: string | undefined): string {
  if (type === 'ed25519') return 'PKIX_ED25519';
  if (type === 'rsa') return 'PKIX_RSA_PKCS1V15_2048_SHA256';
  return curve === 'secp384r1' ? 'PKIX_ECDSA_P384_SHA_384' : 'PKIX_ECDSA_P256_SHA_256';
}
