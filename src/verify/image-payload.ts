// What a verified signature must say about the image: its digest and the expected payload type.
// The Sigstore checks prove who signed some bytes; these prove the bytes are a signature over THIS image.
import { sanitizeLine } from '../common/sanitize.js';

export const COSIGN_PAYLOAD_TYPE = 'cosign container image signature';
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
export const COSIGN_SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1';
const STATEMENT_TYPES = ['https://in-toto.io/Statement/v1', 'https://in-toto.io/Statement/v0.1'];

export type ImageCheckId = 'payload-type' | 'payload-digest';

export interface PayloadCheck {
  check: ImageCheckId;
  status: 'pass' | 'fail';
  code: string;
  message: string;
}

const ok = (check: ImageCheckId, message: string): PayloadCheck => ({ check, status: 'pass', code: 'OK', message });
const bad = (check: ImageCheckId, code: string, message: string): PayloadCheck => ({ check, status: 'fail', code, message: sanitizeLine(message) });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The simple-signing payload, parsed; undefined when it is not a JSON object. */
export function parseSimpleSigning(payload: Uint8Array): Record<string, unknown> | undefined {
  try {
    const doc = JSON.parse(Buffer.from(payload).toString('utf8')) as unknown;
    return isRecord(doc) ? doc : undefined;
  } catch {
    return undefined;
  }
}

/** cosign's legacy payload: critical.type and critical.image.docker-manifest-digest. */
export function checkSimpleSigningPayload(payload: Uint8Array, digest: string): PayloadCheck[] {
  const doc = parseSimpleSigning(payload);
  const critical = isRecord(doc?.critical) ? doc.critical : undefined;
  if (!critical) return [bad('payload-type', 'PAYLOAD_MALFORMED', 'signed payload is not a simple-signing JSON document with a "critical" section')];
  const type = critical.type;
  const typeCheck =
    type === COSIGN_PAYLOAD_TYPE
      ? ok('payload-type', `payload type "${COSIGN_PAYLOAD_TYPE}"`)
      : bad('payload-type', 'PAYLOAD_TYPE_MISMATCH', `payload type is ${JSON.stringify(type)}, expected "${COSIGN_PAYLOAD_TYPE}"`);
  const named = isRecord(critical.image) ? critical.image['docker-manifest-digest'] : undefined;
  const digestCheck =
    named === digest
      ? ok('payload-digest', `payload names ${digest}`)
      : bad(
          'payload-digest',
          'PAYLOAD_DIGEST_MISMATCH',
          `payload names ${typeof named === 'string' ? named : 'no digest'}, not the image digest ${digest}: a signature for another image`,
        );
  return [typeCheck, digestCheck];
}

export interface StatementSummary {
  predicateType?: string;
}

/** cosign v3's bundle: a DSSE envelope holding an in-toto statement whose subject is the image digest. */
export function checkBundleStatement(
  payloadType: string | undefined,
  payload: Uint8Array | undefined,
  digest: string,
): { checks: PayloadCheck[]; summary: StatementSummary } {
  if (payloadType === undefined || payload === undefined) {
    return {
      checks: [bad('payload-type', 'PAYLOAD_TYPE_MISMATCH', 'bundle holds a bare message signature, not a DSSE in-toto statement naming the image')],
      summary: {},
    };
  }
  if (payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    return { checks: [bad('payload-type', 'PAYLOAD_TYPE_MISMATCH', `DSSE payload type is "${payloadType}", expected "${IN_TOTO_PAYLOAD_TYPE}"`)], summary: {} };
  }
  const doc = parseSimpleSigning(payload);
  if (!doc) return { checks: [bad('payload-type', 'PAYLOAD_MALFORMED', 'DSSE payload is not a JSON object')], summary: {} };
  const predicateType = typeof doc.predicateType === 'string' ? doc.predicateType : undefined;
  const typeCheck = !STATEMENT_TYPES.includes(String(doc._type))
    ? bad('payload-type', 'PAYLOAD_TYPE_MISMATCH', `statement _type is ${JSON.stringify(doc._type)}, expected an in-toto Statement`)
    : predicateType !== COSIGN_SIGN_PREDICATE
      ? bad(
          'payload-type',
          'PAYLOAD_TYPE_MISMATCH',
          `predicate type is ${JSON.stringify(predicateType)}, expected "${COSIGN_SIGN_PREDICATE}" (an image signature, not another attestation)`,
        )
      : ok('payload-type', `in-toto statement, predicate ${COSIGN_SIGN_PREDICATE}`);
  const hex = digest.startsWith('sha256:') ? digest.slice(7) : undefined;
  const subjects = Array.isArray(doc.subject) ? doc.subject : [];
  const names = subjects.some((s) => isRecord(s) && isRecord(s.digest) && hex !== undefined && s.digest.sha256 === hex);
  const digestCheck = names
    ? ok('payload-digest', `statement subject is ${digest}`)
    : bad('payload-digest', 'PAYLOAD_DIGEST_MISMATCH', `statement subjects do not include the image digest ${digest}: a signature for another image`);
  return { checks: [typeCheck, digestCheck], summary: predicateType ? { predicateType } : {} };
}
