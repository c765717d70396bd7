// The outer wrapper of a certificate is not covered by its signature: insist on strict X.509 DER so that
// altered bytes there are refused instead of silently re-encoded by a lenient ASN.1 reader.
import { X509Certificate as OpenSslCertificate } from 'node:crypto';
import type { X509Certificate } from '@sigstore/core';

interface Asn1Node {
  tag: { number: number; constructed: boolean; class: number };
  subs: Asn1Node[];
  toDER(): Buffer;
}

const UNIVERSAL = 0;
const SEQUENCE = 0x10;
const BIT_STRING = 0x03;

const isUniversal = (node: Asn1Node | undefined, number: number, constructed: boolean) =>
  node !== undefined && node.tag.class === UNIVERSAL && node.tag.number === number && node.tag.constructed === constructed;

/** Says what is wrong with the certificate's encoding, or undefined when it is a well-formed X.509 certificate. */
export function certificateEncodingProblem(certificate: X509Certificate): string | undefined {
  const root = (certificate as unknown as { root: Asn1Node }).root;
  const [tbs, signatureAlgorithm, signatureValue] = root.subs;
  if (!isUniversal(root, SEQUENCE, true) || root.subs.length !== 3) return 'the certificate is not an X.509 SEQUENCE of three parts';
  if (!isUniversal(tbs, SEQUENCE, true) || !isUniversal(signatureAlgorithm, SEQUENCE, true) || !isUniversal(signatureValue, BIT_STRING, false)) {
    return 'the certificate parts have the wrong ASN.1 types';
  }
  // RFC 5280 4.1.1.2: the outer algorithm must equal the signed one inside tbsCertificate.
  const innerAlgorithm = tbs!.subs[tbs!.subs[0]?.tag.class === 2 ? 2 : 1];
  if (!innerAlgorithm || !innerAlgorithm.toDER().equals(signatureAlgorithm!.toDER())) {
    return 'the certificate signature algorithm differs from the signed one';
  }
  try {
    new OpenSslCertificate(root.toDER());
  } catch (err) {
    return `the certificate is not valid DER (${(err as Error).message})`;
  }
  return undefined;
}
