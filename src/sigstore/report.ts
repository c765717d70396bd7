// The verification report: one entry per check, each pass or fail with a stable code and a one-line message.
import { sanitizeLine } from '../common/sanitize.js';

export type CheckId =
  | 'input'
  | 'artifact-digest'
  | 'timestamp'
  | 'certificate-chain'
  | 'sct'
  | 'public-key'
  | 'transparency-log'
  | 'signature'
  | 'identity'
  | 'issuer'
  | 'sigstore-verifier';

export interface CheckResult {
  check: CheckId;
  status: 'pass' | 'fail';
  /** Stable, e.g. OK, ARTIFACT_DIGEST_MISMATCH, IDENTITY_MISMATCH; tests and CI scripts match on it. */
  code: string;
  message: string;
}

export interface VerificationReport {
  /** True only when every check passed (and there was at least one). */
  verified: boolean;
  checks: CheckResult[];
  /** What the certificate says, when there was a readable certificate (sanitised strings). */
  signer?: { identity?: string; issuer?: string };
  /** The signed time(s) the certificate was checked at, ISO 8601. */
  signedAt?: string[];
  /** The Rekor entry used, when there was one (so callers can save it). */
  rekorEntryUuid?: string;
}

export const pass = (check: CheckId, message: string): CheckResult => ({ check, status: 'pass', code: 'OK', message: sanitizeLine(message) });
export const fail = (check: CheckId, code: string, message: string): CheckResult => ({
  check,
  status: 'fail',
  code,
  message: sanitizeLine(message),
});

export function makeReport(checks: CheckResult[], extra: Omit<VerificationReport, 'verified' | 'checks'> = {}): VerificationReport {
  return { verified: checks.length > 0 && checks.every((c) => c.status === 'pass'), checks, ...extra };
}

/** The first failure, or undefined when the report verified. */
export function firstFailure(report: VerificationReport): CheckResult | undefined {
  return report.checks.find((c) => c.status === 'fail');
}

/** Plain text, one line per check: `  pass  certificate-chain  chains to ... [OK]`. */
export function formatReport(report: VerificationReport): string {
  const width = Math.max(...report.checks.map((c) => c.check.length), 5);
  const lines = report.checks.map((c) => `  ${c.status === 'pass' ? 'pass' : 'FAIL'}  ${c.check.padEnd(width)}  ${sanitizeLine(c.message)} [${c.code}]`);
  return lines.join('\n') + '\n';
}
