// Who signed: the certificate's SAN and OIDC issuer, matched against the user's policy by our own code, because
// the library's SAN match is an unanchored regular expression and reports identity and issuer under one code.
import type { X509Certificate } from '@sigstore/core';
import type { VerificationPolicy } from '@sigstore/verify';
import { usageError } from '../common/errors.js';
import { fail, pass, type CheckResult } from './report.js';

export interface IdentityPolicy {
  /** Exact SAN (email, URI or username). */
  identity?: string;
  /** Regular expression for the SAN, anchored at both ends. */
  identityRegexp?: string;
  /** Exact OIDC issuer. */
  issuer?: string;
  /** Regular expression for the issuer, anchored at both ends. */
  issuerRegexp?: string;
}

const OID_ISSUER_V1 = '1.3.6.1.4.1.57264.1.1';
const OID_ISSUER_V2 = '1.3.6.1.4.1.57264.1.8';
const OID_OTHERNAME_USERNAME = '1.3.6.1.4.1.57264.1.7';

export interface CertificateIdentity {
  san?: string;
  issuer?: string;
}

export function certificateIdentity(cert: X509Certificate): CertificateIdentity {
  const ext = cert.extSubjectAltName;
  const san = ext?.uri ?? ext?.rfc822Name ?? ext?.otherName(OID_OTHERNAME_USERNAME);
  let issuer: string | undefined;
  const v2 = cert.extension(OID_ISSUER_V2);
  if (v2) issuer = v2.valueObj.subs[0]?.value.toString('utf8');
  else issuer = cert.extension(OID_ISSUER_V1)?.value.toString('utf8');
  return { san, issuer };
}

/** Compiles and checks a policy up front: a bad regular expression or a missing half is a usage error. */
export function compilePolicy(policy: IdentityPolicy): {
  identity: (s: string) => boolean;
  issuer: (s: string) => boolean;
  describe: { identity: string; issuer: string };
} {
  const one = (exact: string | undefined, pattern: string | undefined, what: string, flag: string) => {
    if (exact !== undefined && pattern !== undefined) {
      throw usageError('POLICY_CONFLICT', `give either --certificate-${flag} or --certificate-${flag}-regexp, not both`);
    }
    if (pattern !== undefined) {
      let re: RegExp;
      try {
        re = new RegExp(`^(?:${pattern})$`, 'u');
      } catch (err) {
        throw usageError('POLICY_REGEXP_INVALID', `--certificate-${flag}-regexp: ${(err as Error).message}`);
      }
      return { test: (s: string) => re.test(s), describe: `${what} matching /^(?:${pattern})$/` };
    }
    if (exact !== undefined && exact !== '') return { test: (s: string) => s === exact, describe: `${what} ${exact}` };
    throw usageError('POLICY_MISSING', `--certificate-${flag} (or --certificate-${flag}-regexp) is required for keyless verification`);
  };
  const id = one(policy.identity, policy.identityRegexp, 'identity', 'identity');
  const iss = one(policy.issuer, policy.issuerRegexp, 'issuer', 'oidc-issuer');
  return { identity: id.test, issuer: iss.test, describe: { identity: id.describe, issuer: iss.describe } };
}

export function policyChecks(found: CertificateIdentity, policy: IdentityPolicy): CheckResult[] {
  const compiled = compilePolicy(policy);
  const identity =
    found.san === undefined
      ? fail('identity', 'IDENTITY_MISSING', 'certificate has no email, URI or username SAN')
      : compiled.identity(found.san)
        ? pass('identity', `signed by ${found.san}`)
        : fail('identity', 'IDENTITY_MISMATCH', `signed by ${found.san}, expected ${compiled.describe.identity}`);
  const issuer =
    found.issuer === undefined
      ? fail('issuer', 'ISSUER_MISSING', 'certificate has no OIDC issuer extension')
      : compiled.issuer(found.issuer)
        ? pass('issuer', `OIDC issuer ${found.issuer}`)
        : fail('issuer', 'ISSUER_MISMATCH', `OIDC issuer ${found.issuer}, expected ${compiled.describe.issuer}`);
  return [identity, issuer];
}

const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/**
 * The same policy for the library's Verifier, as far as it can express it: it matches the URI or email SAN as an
 * unanchored regular expression (so ours are anchored) and the issuer only exactly. A username SAN, which the
 * library does not read, and an issuer pattern stay with our own checks.
 */
export function libraryPolicy(policy: IdentityPolicy, leaf: X509Certificate): VerificationPolicy {
  const result: VerificationPolicy = {};
  if (leaf.subjectAltName !== undefined) {
    if (policy.identityRegexp !== undefined) result.subjectAlternativeName = `^(?:${policy.identityRegexp})$`;
    else if (policy.identity) result.subjectAlternativeName = `^${escapeRegExp(policy.identity)}$`;
  }
  if (policy.issuer) result.extensions = { issuer: policy.issuer };
  return result;
}
