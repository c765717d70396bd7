// check at run time: policies and manifests read and parsed before any network, the images each policy matches
// verified, one verdict per image, exit 1 when an enforce policy (or --no-match deny) rejects one.
import { ExitCode, usageError } from '../common/errors.js';
import { globMatches } from '../k8s/cip-glob.js';
import { parseReference } from '../registry/reference.js';
import { checkPolicies, type NoMatchPolicy } from '../verify/check-policies.js';
import { loadManifests } from '../verify/pin-manifests.js';
import { pingRegistries } from '../verify/verify-images.js';
import { checkReportLines, checkSummary, type CheckedImage } from './check-report-text.js';
import type { ImageCliOptions } from './image-options.js';
import { assertOfflineAllows, imageSourceFrom, imageTimeoutFrom, trustedRootFrom } from './image-run-options.js';
import { readManifests } from './manifest-files.js';
import { outputSettings, writeJson, writeReport, writeText } from './output.js';
import { readPolicies } from './policy-files.js';
import { parseSize } from './size-option.js';

export interface CheckCliOptions extends ImageCliOptions {
  policy?: string[];
  /** --no-match: commander names a --no-* option after the rest of its name. */
  match: string;
  concurrency: string;
  maxSize: string;
}

const NO_MATCH = ['allow', 'deny', 'warn'];

export async function runCheck(paths: string[], opts: CheckCliOptions): Promise<number> {
  if (!NO_MATCH.includes(opts.match)) throw usageError('OPTION_INVALID', `--no-match ${opts.match}: give allow, deny or warn`);
  if (!opts.policy?.length) throw usageError('OPTION_MISSING', 'give the policies to check with --policy FILE (ClusterImagePolicy YAML or JSON)');
  const concurrency = Number(opts.concurrency);
  if (!/^\d+$/.test(opts.concurrency) || concurrency < 1 || concurrency > 64)
    throw usageError('OPTION_INVALID', `--concurrency ${opts.concurrency}: give a whole number from 1 to 64`);
  const maxBytes = parseSize(opts.maxSize);
  const timeoutMs = imageTimeoutFrom(opts);
  const source = imageSourceFrom(opts);
  const policySet = await readPolicies(opts.policy, maxBytes);
  const loaded = loadManifests(await readManifests(paths, maxBytes));
  // Only images some policy matches are looked up: the others get the --no-match verdict without a registry.
  const patterns = policySet.policies.flatMap((p) => p.globs.flatMap((g) => (g.pattern ? [g.pattern] : [])));
  const looked = loaded.references.filter((r) => patterns.some((p) => globMatches(p, r)));
  assertOfflineAllows(
    opts,
    looked.map((r) => parseReference(r).registry),
  );
  const trustedRoot = await trustedRootFrom(opts);
  await pingRegistries(source, looked, timeoutMs);
  const results = await checkPolicies(loaded.references, policySet, {
    source,
    trustedRoot,
    noMatch: opts.match as NoMatchPolicy,
    concurrency,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  });
  const byImage = new Map(results.map((r) => [r.image, r]));
  const checked: CheckedImage[] = [];
  const invalid: { path: string; line: number; message: string }[] = [];
  for (const { file, manifest } of loaded.parsed) {
    for (const p of manifest.problems) invalid.push({ path: file.path, line: p.line, message: p.message });
    for (const image of manifest.images) {
      const result = byImage.get(image.value);
      if (!result) {
        invalid.push({ path: file.path, line: image.line, message: `${image.value}: not an image reference` });
        continue;
      }
      let entry = checked.find((c) => c.result === result);
      if (!entry) checked.push((entry = { result, locations: [] }));
      entry.locations.push({ path: file.path, line: image.line, kind: image.kind, object: image.object, container: image.container });
    }
  }
  const failed = checked.some((c) => c.result.verdict === 'fail') || invalid.length > 0;
  const code = failed ? ExitCode.CHECK_FAILED : ExitCode.OK;
  if (opts.json) {
    writeJson({
      ok: !failed,
      noMatch: opts.match,
      trustedRoot: trustedRoot.source,
      policies: policySet.policies.map((p) => ({
        name: p.name,
        source: p.source,
        mode: p.mode,
        globs: p.globs.map((g) => g.glob),
        unsupported: p.unsupported,
      })),
      images: checked.map((c) => ({ ...c.result, locations: c.locations })),
      problems: invalid,
    });
    return code;
  }
  writeText(checkReportLines(checked, invalid));
  if (!outputSettings().quiet) writeReport(checkSummary(checked, invalid.length));
  return code;
}
