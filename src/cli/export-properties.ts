// How this run came to trust the document, as name/value facts for the exported SBOM (CycloneDX metadata
// properties; one SPDX annotation, a name=value per line).
import type { Verification } from '../app/loaded-source.js';
import { PROPERTY_PREFIX } from '../export/image-verification-facts.js';

export function documentVerificationProperties(verification: Verification): { name: string; value: string }[] {
  const p = (name: string, value: string) => ({ name: `${PROPERTY_PREFIX}verification:${name}`, value });
  if (verification.kind !== 'release') {
    // A file or URL is exported as given: say so, rather than let silence read as "checked".
    return [p('status', 'not-verified'), ...(verification.kind === 'url' ? [p('source-url', verification.url)] : [])];
  }
  const { report } = verification;
  return [
    p('status', report.verified ? 'verified' : 'failed'),
    p('release-version', verification.version),
    p('source-url', verification.url),
    p('sha256', report.artifact.sha256),
    p('sha512', report.artifact.sha512),
    ...report.checks.map((c) => p(`check:${c.check}`, c.status === 'pass' ? 'pass' : `fail ${c.code}`)),
    ...(report.signer?.identity ? [p('signer-identity', report.signer.identity)] : []),
    ...(report.signer?.issuer ? [p('signer-issuer', report.signer.issuer)] : []),
    ...(report.signedAt ?? []).map((t) => p('signed-at', t)),
  ];
}
