// verify-image at run time: parse every reference first (usage errors before any network), then verify in order.
import { compilePolicy } from '../sigstore/identity.js';
import { parseReference } from '../registry/reference.js';
import { saveImageBundles, withoutBundleText } from '../verify/image-bundles.js';
import { verifyImage, type ImageVerification } from '../verify/verify-image.js';
import type { ImageCliOptions } from './image-options.js';
import { assertBundleFolders, assertOfflineAllows, carriedFrom, imageSourceFrom, imageTimeoutFrom, policyFrom, trustedRootFrom } from './image-run-options.js';
import { exitCodeFor, formatImageReport } from './image-report-text.js';
import { writeJson, writeReport, writeText } from './output.js';

export async function runVerifyImage(references: string[], opts: ImageCliOptions & { output: 'json' | 'text' }): Promise<number> {
  const refs = references.map((r) => parseReference(r));
  const policy = policyFrom(opts);
  compilePolicy(policy);
  const timeoutMs = imageTimeoutFrom(opts);
  assertBundleFolders(opts);
  assertOfflineAllows(
    opts,
    refs.map((r) => r.registry),
  );
  const source = imageSourceFrom(opts);
  const trustedRoot = await trustedRootFrom(opts);
  const carried = await carriedFrom(opts);
  const results: ImageVerification[] = [];
  const saved: string[] = [];
  for (const ref of refs) {
    const bundles = opts.bundleDir !== undefined;
    const result = await verifyImage(ref, { source, trustedRoot, policy, bundles, ...carried, ...(timeoutMs !== undefined ? { timeoutMs } : {}) });
    results.push(result);
    if (opts.bundleDir !== undefined) saved.push(...(await saveImageBundles(result, opts.bundleDir)));
    if (opts.json) continue;
    writeReport(formatImageReport(result));
    if (!result.verified) continue;
    if (opts.output === 'text') writeText(`${result.pinned ?? result.reference}\n`);
    else writeJson(result.cosign, { compact: true });
  }
  if (opts.json) {
    // The bundles went to files; their text and payload bytes do not belong in the report.
    const images = results.map(withoutBundleText);
    writeJson({
      verified: results.every((r) => r.verified),
      trustedRoot: trustedRoot.source,
      policy,
      images,
      ...(opts.bundleDir !== undefined ? { saved } : {}),
    });
  }
  return exitCodeFor(results);
}
