// Verifying a release through the load-source use case, with its fetch and check events turned into UI events.
// A release that does not verify yields its checks and no document (fail closed).
import { loadSource } from '../../app/load-source.js';
import type { LoadEvent } from '../../app/loaded-source.js';
import { ReleaseNotVerifiedError } from '../../app/release-not-verified.js';
import type { ReleaseCheck } from '../../verify/release-check.js';
import type { VerifySbomReport } from '../../verify/verify-sbom.js';
import type { CheckId, CheckRow, ReleaseEvent, ReleaseOutcome } from '../ports.js';
import { buildView } from './document-view.js';
import { loadOptionsFrom } from './load-options.js';
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

function checkRows(report: VerifySbomReport): CheckRow[] {
  const signerFacts = [
    ...(report.signer?.identity ? [`identity ${report.signer.identity}`] : []),
    ...(report.signer?.issuer ? [`issuer ${report.signer.issuer}`] : []),
    ...(report.signedAt?.length ? [`Rekor time ${report.signedAt.join(', ')}`] : []),
  ];
  return report.checks.map((c) => toRow(c, c.check === 'signature' ? signerFacts : [])).filter((c): c is CheckRow => c !== undefined);
}

function toUiEvent(event: LoadEvent): ReleaseEvent | undefined {
  switch (event.type) {
    case 'stage':
    case 'warning':
      return { type: event.type, message: event.message };
    case 'check': {
      const row = toRow(event.result);
      return row && { type: 'check', check: row };
    }
    case 'download-start':
      return {
        type: 'download',
        label: event.label,
        bytesDone: event.resumedAt ?? 0,
        ...(event.totalBytes !== undefined ? { totalBytes: event.totalBytes } : {}),
        bytesPerSecond: 0,
        done: false,
      };
    case 'download-progress':
      return {
        type: 'download',
        label: event.label,
        bytesDone: event.bytesDone,
        ...(event.totalBytes !== undefined ? { totalBytes: event.totalBytes } : {}),
        bytesPerSecond: event.bytesPerSecond,
        done: false,
      };
    case 'download-done':
      return { type: 'download', label: event.label, bytesDone: event.bytes, totalBytes: event.bytes, bytesPerSecond: 0, done: true };
    case 'download-retry':
      return { type: 'retry', label: event.label, reason: event.reason };
    default:
      return undefined;
  }
}

export async function verifyRelease(settings: TuiSettings, version: string, onEvent: (e: ReleaseEvent) => void): Promise<ReleaseOutcome> {
  const listener = (event: LoadEvent) => {
    const ui = toUiEvent(event);
    if (ui) onEvent(ui);
  };
  try {
    const loaded = await loadSource({ kind: 'release', version }, loadOptionsFrom(settings), listener);
    if (loaded.verification.kind !== 'release') throw new Error(`${version}: loaded as a ${loaded.verification.kind}, not a release`);
    const { report } = loaded.verification;
    const view = buildView({
      document: loaded.document,
      ...(loaded.format ? { format: loaded.format } : {}),
      diagnostics: loaded.diagnostics,
      source: `${report.version} ${report.artifact.url}`,
    });
    return { verified: true, version: report.version, checks: checkRows(report), view };
  } catch (err) {
    if (err instanceof ReleaseNotVerifiedError) return { verified: false, version: err.report.version, checks: checkRows(err.report) };
    throw err;
  }
}
