// verify-files for people: where the SBOM came from and how far it is trusted, one row per file, a summary line.
import type { LoadedSource } from '../app/loaded-source.js';
import type { FileResult, VerifyFilesReport } from '../verify/verify-files.js';

export interface SbomTrust {
  source: string;
  /** True only for a release SBOM whose digests and signature were checked. */
  verified: boolean;
  note: string;
  version?: string;
}

export function sbomTrust(loaded: LoadedSource): SbomTrust {
  const v = loaded.verification;
  if (v.kind === 'release') {
    return { source: loaded.label, verified: true, version: v.version, note: 'release SBOM verified: SHA-256, SHA-512 and signature' };
  }
  return { source: loaded.label, verified: false, note: 'a local SBOM, trusted as given: nothing about it was verified' };
}

function signatureLine(r: FileResult): string[] {
  if (!r.signature) return [];
  const s = r.signature;
  return [s.status === 'pass' ? `    signature ok: ${s.message}` : `    signature FAILED: ${s.message} [${s.code}]`];
}

function detail(r: FileResult): string[] {
  if (r.status === 'matched') return [r.sbomFiles.map((f) => f.name).join(', '), ...signatureLine(r)];
  if (r.status !== 'modified') return [r.message];
  return [r.message, `    file SHA-512 ${r.sha512}`, ...r.sbomFiles.map((f) => `    ${f.name} SHA-512 ${f.sha512 ?? '(none listed)'}`)];
}

export function formatVerifyFiles(loaded: LoadedSource, report: VerifyFilesReport, strict: boolean): string {
  const trust = sbomTrust(loaded);
  const width = Math.max(4, ...report.results.map((r) => r.path.length));
  const lines = [`SBOM ${trust.source} (${trust.note})`, `${'STATUS'.padEnd(9)} ${'FILE'.padEnd(width)}  RELEASE FILE / DETAIL`];
  for (const r of report.results) {
    const [first, ...rest] = detail(r);
    lines.push(`${r.status.padEnd(9)} ${r.path.padEnd(width)}  ${first}`, ...rest);
  }
  const s = report.summary;
  lines.push(
    `${s.total} file(s): ${s.matched} matched, ${s.modified} modified, ${s.unknown} unknown to the release, ${s.skipped} skipped, ${s.error} unreadable` +
      (strict ? ' (--strict: unknown and skipped fail)' : ''),
  );
  const signed = report.results.filter((r) => r.signature);
  if (signed.length > 0) {
    const bad = signed.filter((r) => r.signature!.status === 'fail').length;
    lines.push(`signatures: ${signed.length - bad} verified, ${bad} failed`);
  }
  return `${lines.join('\n')}\n`;
}
