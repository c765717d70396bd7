// What check prints: per image its verdict and where it is used, then per matching policy which authority passed
// or why each failed; a one-line summary on stderr.
import { sanitizeLine } from '../common/sanitize.js';
import type { ImagePolicyResult } from '../verify/check-policies.js';

export interface CheckedImage {
  result: ImagePolicyResult;
  locations: { path: string; line: number; kind: string; object: string; container: string }[];
}

const LABEL = { pass: 'PASS', warn: 'WARN', fail: 'FAIL' } as const;

export function checkReportLines(images: CheckedImage[], invalid: { path: string; line: number; message: string }[]): string {
  const lines: string[] = [];
  for (const { result, locations } of images) {
    lines.push(`${LABEL[result.verdict]} ${sanitizeLine(result.image)}${result.digest ? ` (${result.digest})` : ''}: ${sanitizeLine(result.message)}`);
    for (const l of locations) lines.push(`  used at ${sanitizeLine(l.path)}:${l.line} (${sanitizeLine(`${l.kind} ${l.object}, container ${l.container}`)})`);
    for (const p of result.policies) {
      const head = `  policy ${sanitizeLine(p.policy)} [${p.mode}, glob ${sanitizeLine(p.glob)}, ${sanitizeLine(p.source)}]`;
      lines.push(`${head}: ${p.passed ? 'satisfied' : 'NOT satisfied'}: ${sanitizeLine(p.reason)}`);
      if (p.passed) continue;
      for (const a of p.authorities)
        lines.push(`    authority ${sanitizeLine(a.name)} (${a.kind}): ${a.passed ? 'passed' : 'failed'}: ${sanitizeLine(a.reason)} [${a.code}]`);
    }
  }
  for (const i of invalid) lines.push(`FAIL ${sanitizeLine(i.path)}:${i.line}: ${sanitizeLine(i.message)}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function checkSummary(images: CheckedImage[], invalid: number): string {
  const count = (v: ImagePolicyResult['verdict']) => images.filter((i) => i.result.verdict === v).length;
  const extra = invalid > 0 ? `, ${invalid} image field(s) that are not references` : '';
  return `${images.length} image(s): ${count('pass')} admitted, ${count('warn')} admitted with warnings, ${count('fail')} rejected${extra}\n`;
}
