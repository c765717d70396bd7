// The one place that loads the @sigstore packages (CommonJS). Loading them with require() instead of ESM named
// imports saves ~250 ms per process: Node would otherwise lex every re-exported protobuf-specs file for export names.
// It also reaches into @sigstore/verify 3.1.1's internal modules (pinned exactly in package.json): the public
// Verifier stops at the first failure, and the report needs each check's own outcome. Verification still ends with
// the public Verifier (checks.ts), so these can only add failures, never remove one.
import type { KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';
import { encodeDer, type Asn1Node } from './asn1-der.js';

const require = createRequire(import.meta.url);

type VerifyModule = typeof import('@sigstore/verify');
type CoreModule = typeof import('@sigstore/core');
type BundleModule = typeof import('@sigstore/bundle');
type SpecsModule = typeof import('@sigstore/protobuf-specs');

export const { Verifier, toSignedEntity, toTrustMaterial } = require('@sigstore/verify') as VerifyModule;
export const { X509Certificate } = require('@sigstore/core') as CoreModule;
export const { bundleFromJSON } = require('@sigstore/bundle') as BundleModule;
export const { TrustedRoot } = require('@sigstore/protobuf-specs') as SpecsModule;

export const { verifyCertificateChain } = require('@sigstore/verify/dist/key/certificate.js') as typeof import('@sigstore/verify/dist/key/certificate.js');

type SctModule = typeof import('@sigstore/verify/dist/key/sct.js');
type TlogModule = typeof import('@sigstore/verify/dist/tlog/index.js');
const sctModule = require('@sigstore/verify/dist/key/sct.js') as SctModule;
const tlogModule = require('@sigstore/verify/dist/tlog/index.js') as TlogModule;
// Our per-check pass and the Verifier gate (checks.ts) call these with the very same objects (leaf, issuer, log
// entry, signature, trust lists), and the Verifier looks them up on these module objects at each call: share one
// answer, pass or throw, per identical argument objects instead of verifying the SCT, SET and inclusion proof twice.
sctModule.verifySCTs = sameObjectsSameAnswer(sctModule.verifySCTs);
tlogModule.verifyTLogInclusion = sameObjectsSameAnswer(tlogModule.verifyTLogInclusion);
tlogModule.verifyTLogBody = sameObjectsSameAnswer(tlogModule.verifyTLogBody);
export const { verifySCTs } = sctModule;
export const { verifyTLogBody, verifyTLogInclusion } = tlogModule;

// Same bytes, one allocation instead of a growing buffer per tree level (asn1-der.ts; equivalence tested).
const { ASN1Obj } = require('@sigstore/core/dist/asn1/obj.js') as {
  ASN1Obj: { prototype: Asn1Node & { toDER(): Buffer }; parseBuffer(der: Buffer): Asn1Node };
};
/** The library's own encoder, kept so the tests can compare ours against it. */
export const libraryToDer = ASN1Obj.prototype.toDER;
ASN1Obj.prototype.toDER = function toDER(this: Asn1Node) {
  return encodeDer(this);
};

// The ASN.1 reader tries every OCTET STRING as nested ASN.1 and throws and catches an error whenever one is not;
// capturing those errors' stacks cost more than the parse. Errors it lets out keep their messages.
const parseBuffer = ASN1Obj.parseBuffer.bind(ASN1Obj);
ASN1Obj.parseBuffer = (der: Buffer) => {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseBuffer(der);
  } finally {
    Error.stackTraceLimit = limit;
  }
};

// OpenSSL 3 takes ~0.4 ms to decode a public key, and the library decodes the same certificate's key afresh for
// each use (the CA key for every leaf, the leaf key for our check and again for the Verifier). A KeyObject is
// immutable, so one per key buffer is shared; memoized certificates hand out the same buffer (trusted-root.ts).
const coreCrypto = require('@sigstore/core/dist/crypto.js') as { createPublicKey: (key: unknown, type?: string) => KeyObject };
const decodeKey = coreCrypto.createPublicKey;
const keysByBuffer = new WeakMap<object, KeyObject>();
export function publicKeyOf(spki: Buffer): KeyObject {
  let key = keysByBuffer.get(spki);
  if (!key) keysByBuffer.set(spki, (key = decodeKey(spki)));
  return key;
}
coreCrypto.createPublicKey = (key: unknown, type?: string) =>
  Buffer.isBuffer(key) && (type === undefined || type === 'spki') ? publicKeyOf(key) : decodeKey(key, type);

export const { getTLogTimestamp, getTSATimestamp } = require('@sigstore/verify/dist/timestamp/index.js') as typeof import('@sigstore/verify/dist/timestamp/index.js');

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Memoizes a pure check on the identity of its (object) arguments: weakly held, so a fresh certificate or entry
 * always runs the real check; the same objects get the same result or the same error again.
 */
function sameObjectsSameAnswer<F extends (...args: never[]) => unknown>(fn: F): F {
  const call = fn as unknown as (...a: object[]) => unknown;
  const root = new WeakMap<object, unknown>();
  const memo = (...args: object[]): unknown => {
    if (args.length === 0 || args.some((a) => typeof a !== 'object' || a === null)) return call(...args);
    let level = root;
    for (const arg of args.slice(0, -1)) {
      let next = level.get(arg) as WeakMap<object, unknown> | undefined;
      if (!next) level.set(arg, (next = new WeakMap()));
      level = next;
    }
    const last = args[args.length - 1]!;
    let outcome = level.get(last) as Outcome | undefined;
    if (!outcome) {
      try {
        outcome = { ok: true, value: call(...args) };
      } catch (error) {
        outcome = { ok: false, error };
      }
      level.set(last, outcome);
    }
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  };
  return memo as unknown as F;
}
