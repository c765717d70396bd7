// The one place that loads the @sigstore packages (CommonJS). Loading them with require() instead of ESM named
// imports saves ~250 ms per process: Node would otherwise lex every re-exported protobuf-specs file for export names.
// It also reaches into @sigstore/verify 3.1.1's internal modules (pinned exactly in package.json): the public
// Verifier stops at the first failure, and the report needs each check's own outcome. Verification still ends with
// the public Verifier (checks.ts), so these can only add failures, never remove one.
import { createRequire } from 'node:module';

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
export const { verifySCTs } = require('@sigstore/verify/dist/key/sct.js') as typeof import('@sigstore/verify/dist/key/sct.js');
export const { verifyTLogBody, verifyTLogInclusion } = require('@sigstore/verify/dist/tlog/index.js') as typeof import('@sigstore/verify/dist/tlog/index.js');
export const { getTLogTimestamp, getTSATimestamp } = require('@sigstore/verify/dist/timestamp/index.js') as typeof import('@sigstore/verify/dist/timestamp/index.js');
