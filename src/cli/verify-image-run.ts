// verify-image at run time: parse every reference first (usage errors before any network), then verify in order.
import { compilePolicy } from '../sigstore/identity.js';
import { parseReference } from '../registry/reference.js';
import { verifyImage, type ImageVerification } from '../verify/verify-image.js';
import type { ImageCliOptions } from './image-options.js';
import { assertOfflineAllows, imageSourceFrom, imageTimeoutFrom, policyFrom, trustedRootFrom } from './image-run-options.js';
import { exitCodeFor, formatImageReport } from './image-report-text.js';
import { writeJson, writeReport, writeText } from './output.js';

export async function runVerifyImage(references: string[], opts: ImageCliOptions & { output: 'json' | 'text' }): Promise<number> {
  const refs = references.map((r) => parseReference(r));
  const policy = policyFrom(opts);
  compilePolicy(policy);
  const timeoutMs = imageTimeoutFrom(opts);
  assertOfflineAllows(
    opts,
    refs.map((r) => r.registry),
  );
  const source = imageSourceFrom(opts);
  const trustedRoot = await trustedRootFrom(opts);
  const results: ImageVerification[] = [];
  for (const ref of refs) {
    const result = await verifyImage(ref, { source, trustedRoot, policy, ...(timeoutMs !== undefined ? { timeoutMs } : {}) });
    results.push(result);
    if (opts.json) continue;
    writeReport(formatImageReport(result));
    if (!result.verified) continue;
    if (opts.output === 'text') writeText(`${result.pinned ?? result.reference}\n`);
    else writeJson(result.cosign, { compact: true });
  }
  if (opts.json) writeJson({ verified: results.every((r) => r.verified), trustedRoot: trustedRoot.source, policy, images: results });
  return exitCodeFor(results);
}
