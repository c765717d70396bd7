// Plain-text rendering of image verification results: the per-check report and the verify-images summary table.
import { sanitizeLine } from '../common/sanitize.js';
import type { ImageCheck } from '../verify/image-signature.js';
import type { ImagesSummary } from '../verify/verify-images.js';
import type { ImageVerification } from '../verify/verify-image.js';

const KIND_NAMES = { 'cosign-legacy': 'cosign .sig', 'sigstore-bundle': 'Sigstore bundle', 'carried-bundle': 'carried bundle' } as const;

function checkLine(c: ImageCheck, indent: string, width: number): string {
  return `${indent}${c.status === 'pass' ? 'pass' : 'FAIL'}  ${c.check.padEnd(width)}  ${sanitizeLine(c.message)} [${c.code}]`;
}

/** What cosign prints on stderr, in more detail: every check of every signature found. */
export function formatImageReport(result: ImageVerification): string {
  const lines = [`Verification for ${sanitizeLine(result.pinned ?? result.reference)} --`];
  const width = Math.max(14, ...result.checks.map((c) => c.check.length), ...result.signatures.flatMap((s) => s.checks.map((c) => c.check.length)));
  for (const c of result.checks.filter((c) => c.check === 'resolve')) lines.push(checkLine(c, '  ', width));
  result.signatures.forEach((s, i) => {
    lines.push(
      `  signature ${i + 1} of ${result.signatures.length} (${KIND_NAMES[s.kind]}, ${sanitizeLine(s.location)}): ${s.verified ? 'verified' : 'FAILED'}`,
    );
    for (const c of s.checks) lines.push(checkLine(c, '    ', width));
  });
  for (const c of result.checks.filter((c) => c.check !== 'resolve')) lines.push(checkLine(c, '  ', width));
  lines.push(result.verified ? `verified: ${sanitizeLine(result.message)}` : `FAILED: ${sanitizeLine(result.message)} [${result.code}]`);
  return `${lines.join('\n')}\n`;
}

const shortDigest = (d?: string) => (d ? d.slice(0, 19) : '-');

/** One row per image, then the totals. */
export function formatImagesTable(results: ImageVerification[], summary: ImagesSummary): string {
  const rows = results.map((r) => [
    r.verified ? 'ok' : r.failureKind === 'io' ? 'ERROR' : 'FAIL',
    sanitizeLine(r.reference),
    shortDigest(r.digest),
    r.verified ? sanitizeLine(signersOf(r)) : `${r.code}: ${sanitizeLine(r.message)}`,
  ]);
  const header = ['STATUS', 'IMAGE', 'DIGEST', 'SIGNER / PROBLEM'];
  const widths = header.slice(0, 3).map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c))
      .join('  ')
      .trimEnd();
  const totals =
    `${summary.verified} of ${summary.total} image(s) verified` +
    (summary.failed ? `, ${summary.failed} failed a check` : '') +
    (summary.unchecked ? `, ${summary.unchecked} could not be checked` : '');
  return `${[line(header), ...rows.map(line), '', totals].join('\n')}\n`;
}

function signersOf(r: ImageVerification): string {
  return [...new Set(r.signatures.filter((s) => s.verified).map((s) => s.signer?.identity ?? '?'))].join(', ');
}

/** 0 all verified; 1 any image failed a check; 3 images could only not be checked (network, registry). */
export function exitCodeFor(results: ImageVerification[]): number {
  if (results.length > 0 && results.every((r) => r.verified)) return 0;
  if (results.some((r) => !r.verified && r.failureKind !== 'io') || results.length === 0) return 1;
  return 3;
}
