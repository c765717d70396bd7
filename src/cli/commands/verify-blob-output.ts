// How verify-blob speaks: "Verified OK" + per-check lines on stderr, or one JSON document on stdout.
import { sanitizeLine } from '../../common/sanitize.js';
import { firstFailure, formatReport } from '../../sigstore/report.js';
import type { VerifyBlobResult } from '../../verify/verify-blob.js';

export const oneLine = sanitizeLine;

/** Prints the result and returns the exit code (0 verified, 1 a check failed). */
export function printVerifyBlobResult(result: VerifyBlobResult, json: boolean): number {
  if (json) {
    process.stdout.write(`${JSON.stringify(toJson(result), null, 2)}\n`);
    return result.verified ? 0 : 1;
  }
  process.stderr.write(`${sanitizeLine(result.artifact.path)} (sha256 ${result.artifact.sha256}), trusted root: ${sanitizeLine(result.trustedRoot)}\n`);
  process.stderr.write(formatReport(result));
  if (result.savedRekorEntry) process.stderr.write(`Rekor entry saved to ${sanitizeLine(result.savedRekorEntry)}\n`);
  if (result.verified) {
    process.stdout.write('Verified OK\n');
    return 0;
  }
  const failed = firstFailure(result);
  process.stderr.write(`kube-sbom: verification failed: ${sanitizeLine(failed?.message ?? 'no checks ran')} [${failed?.code ?? 'NO_CHECKS'}]\n`);
  return 1;
}

function toJson(result: VerifyBlobResult) {
  return {
    verified: result.verified,
    artifact: result.artifact,
    trustedRoot: result.trustedRoot,
    checks: result.checks,
    signer: result.signer ?? null,
    signedAt: result.signedAt ?? [],
    rekorEntryUuid: result.rekorEntryUuid ?? null,
    savedRekorEntry: result.savedRekorEntry ?? null,
  };
}
