// The one place that loads the @sigstore packages (CommonJS), as published: nothing here replaces or wraps any of
// their functions. Loading them with require() instead of ESM named imports saves ~250 ms per process: Node would
// otherwise lex every re-exported protobuf-specs file for export names.
//
// The per-check report needs each check's own outcome, and the public Verifier stops at the first failure, so the
// report calls a few functions of @sigstore/verify's internal modules (version pinned exactly in package.json,
// read-only; test/sigstore/library-internals.test.ts fails when the installed version or those functions change).
// The last word on every signature is the public Verifier's (checks.ts).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type VerifyModule = typeof import('@sigstore/verify');
type CoreModule = typeof import('@sigstore/core');
type BundleModule = typeof import('@sigstore/bundle');
type SpecsModule = typeof import('@sigstore/protobuf-specs');

export const { Verifier, toSignedEntity, toTrustMaterial } = require('@sigstore/verify') as VerifyModule;
export const { X509Certificate } = require('@sigstore/core') as CoreModule;
export const { bundleFromJSON, bundleToJSON } = require('@sigstore/bundle') as BundleModule;
export const { TrustedRoot } = require('@sigstore/protobuf-specs') as SpecsModule;

/** The internal modules of @sigstore/verify the report reads, and the functions it takes from each. */
export const VERIFY_INTERNALS = {
  'dist/key/certificate.js': ['verifyCertificateChain'],
  'dist/key/sct.js': ['verifySCTs'],
  'dist/tlog/index.js': ['verifyTLogBody', 'verifyTLogInclusion'],
  'dist/timestamp/index.js': ['getTLogTimestamp', 'getTSATimestamp'],
} as const;
/** The @sigstore/verify version those internals were read from. */
export const VERIFY_INTERNALS_VERSION = '3.1.1';

export const { verifyCertificateChain } = require('@sigstore/verify/dist/key/certificate.js') as typeof import('@sigstore/verify/dist/key/certificate.js');
export const { verifySCTs } = require('@sigstore/verify/dist/key/sct.js') as typeof import('@sigstore/verify/dist/key/sct.js');
export const { verifyTLogBody, verifyTLogInclusion } = require('@sigstore/verify/dist/tlog/index.js') as typeof import('@sigstore/verify/dist/tlog/index.js');
export const { getTLogTimestamp, getTSATimestamp } =
  require('@sigstore/verify/dist/timestamp/index.js') as typeof import('@sigstore/verify/dist/timestamp/index.js');
