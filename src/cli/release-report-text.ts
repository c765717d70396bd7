// Plain-text rendering of the release use cases' reports: one line per check, the signer's checks indented.
import { sanitizeLine } from '../common/sanitize.js';
import type { ReleaseCheck } from '../verify/release-check.js';

export function formatReleaseChecks(checks: ReleaseCheck[]): string[] {
  const width = Math.max(...checks.map((c) => c.check.length));
  const lines: string[] = [];
  for (const c of checks) {
    const mark = c.status === 'pass' ? 'pass' : 'FAIL';
    lines.push(`  ${mark}  ${c.check.padEnd(width)}  ${sanitizeLine(c.subject)}: ${sanitizeLine(c.message)} [${c.code}]`);
    for (const d of c.details ?? []) {
      if (c.status === 'pass' && d.status === 'pass') continue;
      lines.push(`          ${d.status === 'pass' ? 'pass' : 'FAIL'}  ${sanitizeLine(d.check)}: ${sanitizeLine(d.message)} [${d.code}]`);
    }
  }
  return lines;
}

export function verdictLine(verified: boolean, what: string): string {
  return verified ? `verified: ${what}` : `NOT verified: ${what} (see the FAIL lines above)`;
}
