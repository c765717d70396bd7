// The single place that reaches into @sigstore/verify 3.1.1's internal modules (pinned exactly in package.json):
// the public Verifier stops at the first failure, and the report needs each check's own outcome.
// Verification still ends with the public Verifier (see checks.ts), so these can only add failures, never remove one.
export { verifyCertificateChain } from '@sigstore/verify/dist/key/certificate.js';
export { verifySCTs } from '@sigstore/verify/dist/key/sct.js';
export { verifyTLogBody, verifyTLogInclusion } from '@sigstore/verify/dist/tlog/index.js';
export { getTLogTimestamp, getTSATimestamp } from '@sigstore/verify/dist/timestamp/index.js';
