// Verifying a release through the verify-sbom use case, with its fetch and check events turned into UI events.
import { sanitizeLine } from '../../common/sanitize.js';
import type { ReleaseCheck } from '../../verify/release-check.js';
import type { CheckId, CheckRow, ReleaseEvent, ReleaseOutcome } from '../ports.js';
import { buildView } from './document-view.js';
import type { TuiSettings } from './settings.js';

const IDS: Record<string, CheckId | undefined> = { sha256: 'sha256', sha512: 'sha512', signature: 'signature', sbom: 'parse' };

function toRow(check: ReleaseCheck, extra: string[] = []): CheckRow | undefined {
  const id = IDS[check.check];
  if (!id) return undefined;
  const details = [
    ...extra,
    ...(check.details ?? []).map((d) => `${d.status === 'pass' ? '✔' : '✘'} ${d.check}: ${d.status === 'pass' ? d.message : `${d.code} ${d.message}`}`),
  ];
  return { id, status: check.status, code: check.code, message: check.message, details };
}

export async function verifyRelease(settings: TuiSettings, version: string, onEvent: (e: ReleaseEvent) => void): Promise<ReleaseOutcome> {
  const { withReleaseSession } = await import('../../verify/release-session.js');
  const { checkReleaseSbom } = await import('../../verify/verify-sbom.js');
  const { createReleaseSignatureVerifier } = await import('../../verify/release-signature.js');
  const warn = (message: string) => onEvent({ type: 'stage', message: `warning: ${sanitizeLine(message)}` });
  const options = {
    sbomUrl: settings.sbomUrl,
    dlUrl: settings.dlUrl,
    rekorUrl: settings.rekorUrl,
    identity: settings.releaseIdentity,
    issuer: settings.issuer,
    ...(settings.trustedRootPath ? { trustedRootPath: settings.trustedRootPath } : {}),
    ...(settings.cacheDir ? { cacheDir: settings.cacheDir } : {}),
    offline: settings.offline,
    verifySignature: createReleaseSignatureVerifier({ offline: settings.offline, ...(settings.cacheDir ? { cacheDir: settings.cacheDir } : {}), warn }),
    onEvent: (event: import('../../verify/release-check.js').VerifyEvent) => {
      switch (event.type) {
        case 'stage':
          return onEvent({ type: 'stage', message: event.message });
        case 'check': {
          const row = toRow(event.result);
          return row && onEvent({ type: 'check', check: row });
        }
        case 'download-start':
          return onEvent({
            type: 'download',
            label: event.label,
            bytesDone: 0,
            ...(event.totalBytes !== undefined ? { totalBytes: event.totalBytes } : {}),
            bytesPerSecond: 0,
            done: false,
          });
        case 'download-progress':
          return onEvent({
            type: 'download',
            label: event.label,
            bytesDone: event.bytesDone,
            ...(event.totalBytes !== undefined ? { totalBytes: event.totalBytes } : {}),
            bytesPerSecond: event.bytesPerSecond,
            done: false,
          });
        case 'download-done':
          return onEvent({ type: 'download', label: event.label, bytesDone: event.bytes, totalBytes: event.bytes, bytesPerSecond: 0, done: true });
        case 'download-retry':
          return onEvent({ type: 'retry', label: event.label, reason: event.reason });
        default:
          return undefined;
      }
    },
  };
  return withReleaseSession(version, options, async (session) => {
    const verified = await checkReleaseSbom(session, options, settings.rekorEntryFile);
    const { report } = verified;
    const signerFacts = [
      ...(report.signer?.identity ? [`identity ${report.signer.identity}`] : []),
      ...(report.signer?.issuer ? [`issuer ${report.signer.issuer}`] : []),
      ...(report.signedAt?.length ? [`Rekor time ${report.signedAt.join(', ')}`] : []),
    ];
    const checks = report.checks.map((c) => toRow(c, c.check === 'signature' ? signerFacts : [])).filter((c): c is CheckRow => c !== undefined);
    if (report.verified) await verified.commit();
    const view =
      report.verified && verified.document
        ? buildView({ document: verified.document, format: report.sbom?.format as never, diagnostics: [], source: `${report.version} ${report.artifact.url}` })
        : undefined;
    if (view && report.sbom) {
      view.summary.errors = report.sbom.diagnostics.errors;
      view.summary.warnings = report.sbom.diagnostics.warnings;
    }
    return { verified: report.verified, version: report.version, checks, ...(view ? { view } : {}) };
  });
}
