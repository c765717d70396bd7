// Kubernetes-style detached material: `.sig` is a base64 signature, `.cert` is a base64-wrapped PEM or a plain PEM.
import { createPublicKey } from 'node:crypto';
import { derProblem } from './bundle-strict.js';
import { checkError } from '../common/errors.js';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Strict base64 (whitespace ignored): returns undefined for anything else. */
export function decodeBase64Strict(text: string): Buffer | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !BASE64.test(compact)) return undefined;
  return Buffer.from(compact, 'base64');
}

/** The raw signature bytes from a `.sig` file's contents. */
export function decodeSignature(content: string | Uint8Array, source: string): Buffer {
  const text = typeof content === 'string' ? content : Buffer.from(content).toString('latin1');
  const bytes = decodeBase64Strict(text);
  if (!bytes) throw checkError('SIGNATURE_MALFORMED', `${source}: not a base64 signature`);
  // ECDSA signatures are DER SEQUENCEs; Ed25519 and RSA are raw bytes: accept any non-trivial length.
  if (bytes.length < 8) throw checkError('SIGNATURE_MALFORMED', `${source}: signature is only ${bytes.length} bytes`);
  return bytes;
}

/** DER certificates from PEM text, base64-wrapped PEM, or base64 DER; the first one is the leaf. */
export function decodeCertificates(content: string | Uint8Array, source: string): Buffer[] {
  let text = typeof content === 'string' ? content : Buffer.from(content).toString('latin1');
  if (!text.includes('-----BEGIN')) {
    const decoded = decodeBase64Strict(text);
    if (!decoded) throw checkError('CERTIFICATE_MALFORMED', `${source}: neither a PEM certificate nor base64 of one`);
    const inner = decoded.toString('latin1');
    text = inner.includes('-----BEGIN') ? inner : '';
    if (!text) return [parseDer(decoded, source)];
  }
  const blocks = [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)];
  if (blocks.length === 0) throw checkError('CERTIFICATE_MALFORMED', `${source}: no PEM CERTIFICATE block`);
  return blocks.map((block, i) => {
    const der = decodeBase64Strict(block[1]!);
    if (!der) throw checkError('CERTIFICATE_MALFORMED', `${source}: certificate ${i + 1} is not valid base64`);
    return parseDer(der, source);
  });
}

function parseDer(der: Buffer, source: string): Buffer {
  const problem = derProblem(der);
  if (problem) throw checkError('CERTIFICATE_MALFORMED', `${source}: ${problem}`);
  return der;
}

/** A PEM public key (cosign.pub) as SPKI DER. */
export function decodePublicKeyPem(content: string, source: string): Buffer {
  const block = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/.exec(content);
  const der = block ? decodeBase64Strict(block[1]!) : undefined;
  if (!der) throw checkError('PUBLIC_KEY_MALFORMED', `${source}: not a PEM public key (-----BEGIN PUBLIC KEY-----)`);
  try {
    createPublicKey({ key: der, format: 'der', type: 'spki' });
  } catch (err) {
    throw checkError('PUBLIC_KEY_MALFORMED', `${source}: not a usable public key (${(err as Error).message})`, err);
  }
  return der;
}
