// verify-image at run time: parse every reference first (usage errors before any network), then verify in order.
import { sanitizeLine } from '../common/sanitize.js';
import { compilePolicy } from '../sigstore/identity.js';
import { parseReference } from '../registry/reference.js';
import type { ImageVerification } from '../verify/verify-image.js';
import { assertOfflineAllows, imageSourceFrom, imageTimeoutFrom, policyFrom, trustedRootFrom, type ImageCliOptions } from './image-options.js';
import { exitCodeFor, formatImageReport } from './image-report-text.js';

export async function runVerifyImage(references: string[], opts: ImageCliOptions & { output: 'json' | 'text' }): Promise<number> {
  const refs = references.map((r) => parseReference(r));
  const policy = policyFrom(opts);
  compilePolicy(policy);
  const timeoutMs = imageTimeoutFrom(opts);
  await assertOfflineAllows(
    opts,
    refs.map((r) => r.registry),
  );
  const source = await imageSourceFrom(opts);
  const trustedRoot = await trustedRootFrom(opts);
  const { verifyImage } = await import('../verify/verify-image.js');
  const results: ImageVerification[] = [];
  for (const ref of refs) {
    const result = await verifyImage(ref, { source, trustedRoot, policy, ...(timeoutMs !== undefined ? { timeoutMs } : {}) });
    results.push(result);
    if (opts.json) continue;
    process.stderr.write(formatImageReport(result));
    if (!result.verified) continue;
    process.stdout.write(opts.output === 'text' ? `${sanitizeLine(result.pinned ?? result.reference)}\n` : `${jsonForTerminal(result.cosign)}\n`);
  }
  if (opts.json) {
    const document = { verified: results.every((r) => r.verified), trustedRoot: trustedRoot.source, policy, images: results };
    process.stdout.write(`${jsonForTerminal(document, 2)}\n`);
  }
  return exitCodeFor(results);
}

/** JSON escapes C0 controls itself; DEL and C1 (e.g. U+009B, a CSI) are escaped too, so the output stays inert. */
export function jsonForTerminal(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[\u007f-\u009f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
