// What check prints for a cluster audit: per running container its verdict, the spec image and the digest that
// runs, pinned or not, drift, release image or not (with --sbom), and the policies' verdict on what runs.
import { sanitizeLine } from '../common/sanitize.js';
import type { PodAudit } from '../verify/audit-pods.js';
import type { ImagePolicyResult, Verdict } from '../verify/check-policies.js';

export interface AuditedContainer extends PodAudit {
  verdict: Verdict;
  /** The policies' result for name@running-digest. */
  policy?: ImagePolicyResult;
}

/** Fails closed: a digest, drift or release question that could not be answered fails like a wrong answer. */
export function auditVerdict(audit: PodAudit, policy: ImagePolicyResult | undefined): Verdict {
  if (!policy || policy.verdict === 'fail') return 'fail';
  if (audit.drift.status !== 'none') return 'fail';
  if (audit.release && (audit.release.status === 'mismatch' || audit.release.status === 'unknown')) return 'fail';
  return policy.verdict;
}

const LABEL = { pass: 'PASS', warn: 'WARN', fail: 'FAIL' } as const;

export function podAuditLines(rows: AuditedContainer[]): string {
  const lines: string[] = [];
  for (const r of rows) {
    lines.push(
      `${LABEL[r.verdict]} pod ${sanitizeLine(`${r.namespace}/${r.pod}`)}, ${r.field === 'containers' ? 'container' : r.field.replace(/s$/, '').replace('C', ' c')} ${sanitizeLine(r.container)}`,
    );
    const runs = r.reference ? `runs ${sanitizeLine(r.reference)}` : `runs an unknown digest (imageID ${JSON.stringify(sanitizeLine(r.imageId))})`;
    lines.push(`  spec ${sanitizeLine(r.specImage ?? '(none)')} (${r.pinned ? 'pinned' : 'not pinned'}), ${runs}`);
    lines.push(`  drift: ${r.drift.status}: ${sanitizeLine(r.drift.message)}`);
    if (r.release) lines.push(`  release image: ${r.release.status}: ${sanitizeLine(r.release.message)}`);
    if (!r.policy) lines.push('  signature: not evaluated: the running digest is unknown');
    else {
      lines.push(`  signature: ${LABEL[r.policy.verdict]}: ${sanitizeLine(r.policy.message)}`);
      for (const p of r.policy.policies) {
        const detail = p.passed ? p.reason : `${p.reason}: ${p.authorities.map((a) => `${a.name}: ${a.reason} [${a.code}]`).join('; ')}`;
        lines.push(`    policy ${sanitizeLine(p.policy)} [${p.mode}]: ${p.passed ? 'satisfied' : 'NOT satisfied'}: ${sanitizeLine(detail)}`);
      }
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function auditSummary(rows: AuditedContainer[]): string {
  const count = (f: (r: AuditedContainer) => boolean) => rows.filter(f).length;
  const release = rows.some((r) => r.release) ? `, ${count((r) => r.release?.status === 'digest' || r.release?.status === 'layers')} release image(s)` : '';
  return (
    `${rows.length} running container(s): ${count((r) => r.verdict === 'pass')} pass, ${count((r) => r.verdict === 'warn')} warn, ${count((r) => r.verdict === 'fail')} fail; ` +
    `${count((r) => r.pinned)} pinned, ${count((r) => r.drift.status === 'drift')} drifted, ${count((r) => r.drift.status === 'unknown')} unknown digest or tag${release}\n`
  );
}
