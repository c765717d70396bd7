// X.509 certificates shaped like Fulcio's: a P-384 root and intermediate, and short-lived leaf certificates
// with an email SAN, the OIDC issuer extensions and (optionally) an embedded SCT.
import 'reflect-metadata';
import { createHash, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { deterministicSign, type TestKeyPair } from './keys.js';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export const OID_ISSUER_V1 = '1.3.6.1.4.1.57264.1.1';
export const OID_ISSUER_V2 = '1.3.6.1.4.1.57264.1.8';
export const OID_SCT_LIST = '1.3.6.1.4.1.11129.2.4.2';
const OID_CODE_SIGNING = '1.3.6.1.5.5.7.3.3';
const ECDSA_SHA384 = { name: 'ECDSA', hash: 'SHA-384' };

export interface TestCertificate {
  der: Buffer;
  pem: string;
  cert: x509.X509Certificate;
}

/** Re-signs the certificate deterministically (WebCrypto's ECDSA is randomised) so the same inputs give the same DER. */
function wrap(generated: x509.X509Certificate, signer: TestKeyPair): TestCertificate {
  const original = Buffer.from(generated.rawData);
  const outer = readTlv(original, 0);
  const tbsTlv = readTlv(original, outer.contentStart);
  const tbsEnd = tbsTlv.contentStart + tbsTlv.length;
  const algTlv = readTlv(original, tbsEnd);
  const algEnd = algTlv.contentStart + algTlv.length;
  const tbs = original.subarray(outer.contentStart, tbsEnd);
  const signature = deterministicSign(tbs, signer, 'sha384');
  const bitString = Buffer.concat([Buffer.from([0x03]), derLength(signature.length + 1), Buffer.from([0]), signature]);
  const body = Buffer.concat([tbs, original.subarray(tbsEnd, algEnd), bitString]);
  const der = Buffer.concat([Buffer.from([0x30]), derLength(body.length), body]);
  return { der, pem: derToPem(der), cert: new x509.X509Certificate(der) };
}

export function derToPem(der: Uint8Array): string {
  const b64 = Buffer.from(der)
    .toString('base64')
    .replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}-----END CERTIFICATE-----\n`;
}

export async function createRootCa(name: string, keys: TestKeyPair, notBefore: Date, notAfter: Date) {
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialFor(`root:${name}`),
    name: `O=${name}, CN=${name} root`,
    notBefore,
    notAfter,
    keys: keys.cryptoKeys,
    signingAlgorithm: ECDSA_SHA384,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      new x509.BasicConstraintsExtension(true, 1, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.cryptoKeys.publicKey),
    ],
  });
  return wrap(cert, keys);
}

export async function createIntermediateCa(name: string, keys: TestKeyPair, issuer: TestCertificate, issuerKeys: TestKeyPair, notBefore: Date, notAfter: Date) {
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialFor(`intermediate:${name}`),
    subject: `O=${name}, CN=${name} intermediate`,
    issuer: issuer.cert.subject,
    notBefore,
    notAfter,
    publicKey: keys.cryptoKeys.publicKey,
    signingKey: issuerKeys.cryptoKeys.privateKey,
    signingAlgorithm: ECDSA_SHA384,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      new x509.ExtendedKeyUsageExtension([OID_CODE_SIGNING]),
      new x509.BasicConstraintsExtension(true, 0, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.cryptoKeys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(issuer.cert),
    ],
  });
  return wrap(cert, issuerKeys);
}

export interface LeafOptions {
  identity: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
  /** The CT log key that signs the embedded SCT; no SCT when absent. */
  ctLog?: { keys: TestKeyPair; logId: Buffer };
  /** When the SCT claims to have been issued (defaults to notBefore). */
  sctTime?: Date;
}

/** A Fulcio-like leaf: empty subject, critical email SAN, codeSigning, issuer extensions, SCT last. */
export async function createLeaf(leafKeys: TestKeyPair, ca: TestCertificate, caKeys: TestKeyPair, options: LeafOptions): Promise<TestCertificate> {
  const serialNumber = serialFor(`leaf:${options.identity}:${options.issuer}:${options.notBefore.toISOString()}:${leafKeys.spki.toString('hex')}`);
  const base = [
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    new x509.ExtendedKeyUsageExtension([OID_CODE_SIGNING]),
    await x509.SubjectKeyIdentifierExtension.create(leafKeys.cryptoKeys.publicKey),
    await x509.AuthorityKeyIdentifierExtension.create(ca.cert),
    new x509.SubjectAlternativeNameExtension([{ type: 'email', value: options.identity }], true),
    new x509.Extension(OID_ISSUER_V1, false, Buffer.from(options.issuer, 'utf8')),
    new x509.Extension(OID_ISSUER_V2, false, derUtf8String(options.issuer)),
  ];
  const params = {
    serialNumber,
    subject: '',
    issuer: ca.cert.subject,
    notBefore: options.notBefore,
    notAfter: options.notAfter,
    publicKey: leafKeys.cryptoKeys.publicKey,
    signingKey: caKeys.cryptoKeys.privateKey,
    signingAlgorithm: ECDSA_SHA384,
  };
  const precert = await x509.X509CertificateGenerator.create({ ...params, extensions: base });
  if (!options.ctLog) return wrap(precert, caKeys);
  // The SCT signs the TBS without the SCT extension; putting the SCT last makes that TBS the precert's TBS.
  const sct = signSct(precert, ca, options.ctLog, options.sctTime ?? options.notBefore);
  const sctExt = new x509.Extension(OID_SCT_LIST, false, derOctetString(sct));
  return wrap(await x509.X509CertificateGenerator.create({ ...params, extensions: [...base, sctExt] }), caKeys);
}

function signSct(precert: x509.X509Certificate, ca: TestCertificate, ctLog: { keys: TestKeyPair; logId: Buffer }, at: Date) {
  const tbs = tbsOf(Buffer.from(precert.rawData));
  const issuerKeyHash = createHash('sha256').update(Buffer.from(ca.cert.publicKey.rawData)).digest();
  const timestamp = Buffer.alloc(8);
  timestamp.writeBigUInt64BE(BigInt(at.getTime()));
  const signed = Buffer.concat([
    Buffer.from([0, 0]), // version v1, signature type certificate_timestamp
    timestamp,
    Buffer.from([0, 1]), // entry type precert_entry
    issuerKeyHash,
    uint(tbs.length, 3),
    tbs,
    uint(0, 2), // no extensions
  ]);
  const signature = deterministicSign(signed, ctLog.keys);
  const sct = Buffer.concat([
    Buffer.from([0]),
    ctLog.logId,
    timestamp,
    uint(0, 2),
    Buffer.from([4, 3]), // sha256, ecdsa
    uint(signature.length, 2),
    signature,
  ]);
  const list = Buffer.concat([uint(sct.length, 2), sct]);
  return Buffer.concat([uint(list.length, 2), list]);
}

/** The DER of tbsCertificate: the first element of the outer SEQUENCE. */
function tbsOf(certDer: Buffer): Buffer {
  const outer = readTlv(certDer, 0);
  const inner = readTlv(certDer, outer.contentStart);
  return certDer.subarray(outer.contentStart, inner.contentStart + inner.length);
}

function readTlv(buf: Buffer, offset: number): { contentStart: number; length: number } {
  let pos = offset + 1;
  let length = buf[pos++]!;
  if (length & 0x80) {
    const count = length & 0x7f;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + buf[pos++]!;
  }
  return { contentStart: pos, length };
}

function uint(value: number, bytes: number): Buffer {
  const out = Buffer.alloc(bytes);
  out.writeUIntBE(value, 0, bytes);
  return out;
}

export function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function derUtf8String(text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  return Buffer.concat([Buffer.from([0x0c]), derLength(body.length), body]);
}

function derOctetString(body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0x04]), derLength(body.length), body]);
}

/** A positive 16-byte serial derived from a label. */
function serialFor(label: string): string {
  const hash = createHash('sha256').update(label).digest();
  hash[0] = (hash[0]! & 0x3f) | 0x10;
  return hash.subarray(0, 16).toString('hex');
}
