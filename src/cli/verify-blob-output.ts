// How verify-blob speaks: "Verified OK" + per-check lines on stderr, or one JSON document on stdout.
import { firstFailure, formatReport } from '../sigstore/report.js';
import type { VerifyBlobResult } from '../verify/verify-blob.js';
import { writeErrorLine, writeJson, writeReport, writeText } from './output.js';

/** Prints the result and returns the exit code (0 verified, 1 a check failed). */
export function printVerifyBlobResult(result: VerifyBlobResult, json: boolean): number {
  if (json) {
    writeJson(toJson(result));
    return result.verified ? 0 : 1;
  }
  writeReport(`${result.artifact.path} (sha256 ${result.artifact.sha256}), trusted root: ${result.trustedRoot}\n`);
  writeReport(formatReport(result));
  if (result.savedRekorEntry) writeReport(`Rekor entry saved to ${result.savedRekorEntry}\n`);
  if (result.verified) {
    writeText('Verified OK\n');
    return 0;
  }
  const failed = firstFailure(result);
  writeErrorLine(`verification failed: ${failed?.message ?? 'no checks ran'} [${failed?.code ?? 'NO_CHECKS'}]`);
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
