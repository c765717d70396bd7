// What a signed payload must say about the image, checked on its own (pure functions).
import { describe, expect, it } from 'vitest';
import { checkBundleStatement, checkSimpleSigningPayload } from '../../src/verify/image-payload.js';

const D = `sha256:${'a'.repeat(64)}`;
const OTHER = `sha256:${'b'.repeat(64)}`;
const codes = (checks: Array<{ code: string }>) => checks.map((c) => c.code);
const simple = (critical: unknown) => Buffer.from(JSON.stringify({ critical, optional: null }));
const statement = (fields: Record<string, unknown>) =>
  Buffer.from(
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'x', digest: { sha256: 'a'.repeat(64) } }],
      predicateType: 'https://sigstore.dev/cosign/sign/v1',
      predicate: {},
      ...fields,
    }),
  );

describe('checkSimpleSigningPayload', () => {
  it('passes a cosign payload naming the digest', () => {
    expect(
      codes(checkSimpleSigningPayload(simple({ identity: {}, image: { 'docker-manifest-digest': D }, type: 'cosign container image signature' }), D)),
    ).toEqual(['OK', 'OK']);
  });
  it('names another digest: PAYLOAD_DIGEST_MISMATCH', () => {
    expect(codes(checkSimpleSigningPayload(simple({ image: { 'docker-manifest-digest': OTHER }, type: 'cosign container image signature' }), D))).toEqual([
      'OK',
      'PAYLOAD_DIGEST_MISMATCH',
    ]);
  });
  it('another payload type: PAYLOAD_TYPE_MISMATCH', () => {
    expect(codes(checkSimpleSigningPayload(simple({ image: { 'docker-manifest-digest': D }, type: 'atomic container signature' }), D))[0]).toBe(
      'PAYLOAD_TYPE_MISMATCH',
    );
  });
  it('not JSON, or no critical section: PAYLOAD_MALFORMED', () => {
    expect(codes(checkSimpleSigningPayload(Buffer.from('not json'), D))).toEqual(['PAYLOAD_MALFORMED']);
    expect(codes(checkSimpleSigningPayload(Buffer.from('{"optional":{}}'), D))).toEqual(['PAYLOAD_MALFORMED']);
  });
});

describe('checkBundleStatement', () => {
  const IN_TOTO = 'application/vnd.in-toto+json';
  it('passes a cosign sign statement whose subject is the digest', () => {
    expect(codes(checkBundleStatement(IN_TOTO, statement({}), D).checks)).toEqual(['OK', 'OK']);
  });
  it('an attestation of another kind is not an image signature', () => {
    expect(codes(checkBundleStatement(IN_TOTO, statement({ predicateType: 'https://slsa.dev/provenance/v1' }), D).checks)[0]).toBe('PAYLOAD_TYPE_MISMATCH');
  });
  it('a statement about another digest: PAYLOAD_DIGEST_MISMATCH', () => {
    expect(codes(checkBundleStatement(IN_TOTO, statement({}), OTHER).checks)).toEqual(['OK', 'PAYLOAD_DIGEST_MISMATCH']);
  });
  it('a bare message signature or another DSSE payload type does not bind the image', () => {
    expect(codes(checkBundleStatement(undefined, undefined, D).checks)).toEqual(['PAYLOAD_TYPE_MISMATCH']);
    expect(codes(checkBundleStatement('text/plain', Buffer.from('x'), D).checks)).toEqual(['PAYLOAD_TYPE_MISMATCH']);
  });
});
