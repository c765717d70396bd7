// The transparency-log check: inclusion (SET or proof+checkpoint), the body matching the signature and digest,
// and (not done by the library) the body naming the same certificate or key that signed.
import { createPublicKey } from 'node:crypto';
import type { TransparencyLogEntry } from '@sigstore/bundle';
import type { SignedEntity, TrustMaterial } from '@sigstore/verify';
import { verifyTLogBody, verifyTLogInclusion, X509Certificate } from './library.js';
import { fail, pass, type CheckResult } from './report.js';

const INCLUSION_CODES: Record<string, string> = {
  TLOG_INCLUSION_PROMISE_ERROR: 'TLOG_SET_INVALID',
  TLOG_INCLUSION_PROOF_ERROR: 'TLOG_PROOF_INVALID',
  TLOG_MISSING_INCLUSION_ERROR: 'TLOG_INCLUSION_MISSING',
};
/** Tolerated clock skew before an integrated time counts as "in the future". */
const FUTURE_SKEW_MS = 5 * 60_000;

export function transparencyLogCheck(
  entity: SignedEntity,
  trust: TrustMaterial,
  options: { missingTlogReason?: string; now?: Date; publicKey?: Buffer },
): CheckResult {
  if (entity.tlogEntries.length === 0) {
    return fail('transparency-log', 'TLOG_ENTRY_MISSING', options.missingTlogReason ?? 'no transparency-log entry to check');
  }
  const signerKey = signerSpki(entity, options.publicKey);
  const signerCertificate = entity.key.$case === 'certificate' ? entity.key.certificate.root.toDER() : undefined;
  for (const entry of entity.tlogEntries) {
    const where = `Rekor entry logIndex ${entry.logIndex}`;
    if (entry.inclusionProof && !entry.inclusionProof.checkpoint?.envelope) {
      return fail('transparency-log', 'TLOG_PROOF_INVALID', `${where}: the inclusion proof has no signed checkpoint`);
    }
    try {
      verifyTLogInclusion(entry, trust.tlogs);
    } catch (err) {
      const code = INCLUSION_CODES[(err as { code?: string }).code ?? ''] ?? 'TLOG_INCLUSION_INVALID';
      return fail('transparency-log', code, `${where}: ${(err as Error).message}`);
    }
    try {
      verifyTLogBody(entry, entity.signature);
    } catch (err) {
      return fail('transparency-log', 'TLOG_BODY_MISMATCH', `${where} records a different artifact or signature: ${(err as Error).message}`);
    }
    const logged = loggedVerifierSpki(entry, signerCertificate, signerKey);
    if (logged === 'unreadable') return fail('transparency-log', 'TLOG_BODY_MALFORMED', `${where}: cannot read the signer in its body`);
    if (logged && signerKey && !logged.equals(signerKey)) {
      return fail('transparency-log', 'TLOG_BODY_MISMATCH', `${where} records a different certificate or key than the one that signed`);
    }
    const integrated = Number(entry.integratedTime) * 1000;
    if (options.now && integrated > options.now.getTime() + FUTURE_SKEW_MS) {
      return fail('transparency-log', 'TLOG_TIME_IN_FUTURE', `${where} claims integration at ${new Date(integrated).toISOString()}, in the future`);
    }
  }
  const first = entity.tlogEntries[0]!;
  const how = first.inclusionProof ? 'inclusion proof and checkpoint' : 'signed entry timestamp';
  const at = first.integratedTime && first.integratedTime !== '0' ? ` at ${new Date(Number(first.integratedTime) * 1000).toISOString()}` : '';
  return pass('transparency-log', `Rekor entry logIndex ${first.logIndex} (${how}) verifies and matches the signature${at}`);
}

function signerSpki(entity: SignedEntity, publicKey?: Buffer): Buffer | undefined {
  if (entity.key.$case === 'certificate') return entity.key.certificate.publicKey;
  return publicKey ? spkiOf(publicKey) : undefined;
}

/** The public key (SPKI DER) the log entry's body names; undefined when the kind does not name one we know. */
function loggedVerifierSpki(entry: TransparencyLogEntry, signerCertificate?: Buffer, signerKey?: Buffer): Buffer | undefined | 'unreadable' {
  try {
    const body = JSON.parse(Buffer.from(entry.canonicalizedBody).toString('utf8'));
    const { kind, apiVersion, spec } = body;
    let encoded: string | undefined;
    if (kind === 'hashedrekord' && apiVersion === '0.0.1') encoded = spec?.signature?.publicKey?.content;
    else if (kind === 'dsse' && apiVersion === '0.0.1') encoded = spec?.signatures?.[0]?.verifier;
    else return undefined;
    if (typeof encoded !== 'string') return 'unreadable';
    const pem = Buffer.from(encoded, 'base64').toString('utf8');
    if (pem.includes('BEGIN CERTIFICATE')) {
      // The very certificate that signed (the usual case) has the signer's key: no need to parse it again.
      const block = /^-----BEGIN CERTIFICATE-----\r?\n([A-Za-z0-9+/=\r\n]+)-----END CERTIFICATE-----\r?\n?$/.exec(pem);
      if (block && signerCertificate && signerKey && Buffer.from(block[1]!, 'base64').equals(signerCertificate)) return signerKey;
      return X509Certificate.parse(pem).publicKey;
    }
    return spkiOf(createPublicKey(pem).export({ format: 'der', type: 'spki' }));
  } catch {
    return 'unreadable';
  }
}

function spkiOf(der: Buffer): Buffer {
  return createPublicKey({ key: der, format: 'der', type: 'spki' }).export({ format: 'der', type: 'spki' });
}
