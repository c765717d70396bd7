// Seeded EC key pairs: the same seed gives the same key, so a test PKI's trusted_root.json is reproducible
// and "generating" a key costs one scalar multiplication instead of a random key generation.
import { createECDH, createHash, createHmac, createPrivateKey, createPublicKey, webcrypto, type KeyObject } from 'node:crypto';

export type Curve = 'P-256' | 'P-384';

export interface TestKeyPair {
  curve: Curve;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SubjectPublicKeyInfo DER of the public key. */
  spki: Buffer;
  /** The same key for WebCrypto users (@peculiar/x509). */
  cryptoKeys: webcrypto.CryptoKeyPair;
  /** The private scalar, for deterministic signatures. */
  d: bigint;
}

const curveInfo: Record<Curve, { ecdh: string; bytes: number; hmac: string; n: bigint }> = {
  'P-256': {
    ecdh: 'prime256v1',
    bytes: 32,
    hmac: 'sha256',
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
  },
  'P-384': {
    ecdh: 'secp384r1',
    bytes: 48,
    hmac: 'sha384',
    n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
  },
};

const cache = new Map<string, Promise<TestKeyPair>>();

/** Derives a key pair from a label; cached per process. */
export function seededKeyPair(label: string, curve: Curve): Promise<TestKeyPair> {
  const key = `${curve}:${label}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = derive(label, curve);
    cache.set(key, pending);
  }
  return pending;
}

async function derive(label: string, curve: Curve): Promise<TestKeyPair> {
  const info = curveInfo[curve];
  for (let counter = 0; ; counter++) {
    const d = createHmac(info.hmac, 'kube-sbom test pki').update(`${label}#${counter}`).digest().subarray(0, info.bytes);
    const ecdh = createECDH(info.ecdh);
    try {
      ecdh.setPrivateKey(d);
    } catch {
      continue; // scalar out of range: astronomically rare, try the next counter
    }
    const point = ecdh.getPublicKey();
    const x = point.subarray(1, 1 + info.bytes);
    const y = point.subarray(1 + info.bytes);
    const jwk = { kty: 'EC', crv: curve, d: b64url(d), x: b64url(x), y: b64url(y) };
    const privateKey = createPrivateKey({ key: jwk, format: 'jwk' });
    const publicKey = createPublicKey(privateKey);
    const algorithm = { name: 'ECDSA', namedCurve: curve };
    const cryptoKeys: webcrypto.CryptoKeyPair = {
      privateKey: await webcrypto.subtle.importKey('jwk', jwk, algorithm, true, ['sign']),
      publicKey: await webcrypto.subtle.importKey('jwk', { kty: 'EC', crv: curve, x: jwk.x, y: jwk.y }, algorithm, true, ['verify']),
    };
    const spki = publicKey.export({ format: 'der', type: 'spki' });
    return { curve, privateKey, publicKey, spki, cryptoKeys, d: BigInt('0x' + d.toString('hex')) };
  }
}

function b64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

/**
 * ECDSA with a nonce derived from the key and the message (in the spirit of RFC 6979), DER-encoded: the same
 * input always gives the same signature, so generated samples and trusted roots are byte-stable.
 */
export function deterministicSign(data: Uint8Array, key: TestKeyPair, hash: 'sha256' | 'sha384' = 'sha256'): Buffer {
  const info = curveInfo[key.curve];
  const digest = createHash(hash).update(data).digest();
  const e = toBigInt(digest.subarray(0, info.bytes));
  for (let counter = 0; ; counter++) {
    const k = toBigInt(createHmac(info.hmac, toBytes(key.d, info.bytes)).update(digest).update(String(counter)).digest()) % info.n;
    if (k === 0n) continue;
    const ecdh = createECDH(info.ecdh);
    ecdh.setPrivateKey(toBytes(k, info.bytes));
    const r = toBigInt(ecdh.getPublicKey().subarray(1, 1 + info.bytes)) % info.n;
    const s = (modPow(k, info.n - 2n, info.n) * ((e + r * key.d) % info.n)) % info.n;
    if (r === 0n || s === 0n) continue;
    const body = Buffer.concat([derInteger(r), derInteger(s)]);
    return Buffer.concat([Buffer.from([0x30]), derLen(body.length), body]);
  }
}

function toBigInt(bytes: Uint8Array): bigint {
  return BigInt('0x' + (Buffer.from(bytes).toString('hex') || '0'));
}

function toBytes(value: bigint, length: number): Buffer {
  return Buffer.from(value.toString(16).padStart(length * 2, '0'), 'hex');
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let x = exponent; x > 0n; x >>= 1n) {
    if (x & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

function derInteger(value: bigint): Buffer {
  let hex = value.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  let bytes = Buffer.from(hex, 'hex');
  if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return Buffer.concat([Buffer.from([0x02]), derLen(bytes.length), bytes]);
}

function derLen(length: number): Buffer {
  return length < 0x80 ? Buffer.from([length]) : Buffer.from([0x81, length]);
}
