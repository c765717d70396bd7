// check at run time: policies, manifests and pod lists read and parsed before any network; the images of the
// manifests and the digests that run in the pods judged by the policies; pods also audited for drift and, with
// --sbom, for being the release's images. Exit 1 when anything is rejected or could not be established.
import { ExitCode, usageError } from '../common/errors.js';
import { globMatches } from '../k8s/cip-glob.js';
import { parseReference } from '../registry/reference.js';
import { auditPods } from '../verify/audit-pods.js';
import { checkPolicies, type ImageToCheck, type NoMatchPolicy } from '../verify/check-policies.js';
import { loadManifests } from '../verify/pin-manifests.js';
import { pingRegistries } from '../verify/verify-images.js';
import { splitInputs } from './check-inputs.js';
import { releaseImagesFrom, type SbomOptions } from './check-sbom.js';
import { checkReportLines, checkSummary, type CheckedImage } from './check-report-text.js';
import type { ImageCliOptions } from './image-options.js';
import { assertOfflineAllows, imageSourceFrom, imageTimeoutFrom, trustedRootFrom } from './image-run-options.js';
import { readManifests } from './manifest-files.js';
import { outputSettings, warn, writeJson, writeReport, writeText } from './output.js';
import { auditSummary, auditVerdict, podAuditLines, type AuditedContainer } from './pod-audit-text.js';
import { readPolicies } from './policy-files.js';
import { parseSize } from './size-option.js';

export interface CheckCliOptions extends ImageCliOptions, SbomOptions {
  policy?: string[];
  /** --no-match: commander names a --no-* option after the rest of its name. */
  match: string;
  pods?: string;
  concurrency: string;
  maxSize: string;
}

const NO_MATCH = ['allow', 'deny', 'warn'];

export async function runCheck(paths: string[], opts: CheckCliOptions): Promise<number> {
  if (!NO_MATCH.includes(opts.match)) throw usageError('OPTION_INVALID', `--no-match ${opts.match}: give allow, deny or warn`);
  if (!opts.policy?.length) throw usageError('OPTION_MISSING', 'give the policies to check with --policy FILE (ClusterImagePolicy YAML or JSON)');
  if ([opts.certificateIdentity, opts.certificateIdentityRegexp, opts.certificateOidcIssuer, opts.certificateOidcIssuerRegexp].some((v) => v !== undefined)) {
    throw usageError('OPTION_INVALID', 'check takes signer identities from the policies (keyless.identities), not from --certificate-* options');
  }
  if (paths.length === 0 && opts.pods === undefined) throw usageError('OPTION_MISSING', 'give manifest files or folders, or --pods FILE (- for stdin)');
  const concurrency = Number(opts.concurrency);
  if (!/^\d+$/.test(opts.concurrency) || concurrency < 1 || concurrency > 64) {
    throw usageError('OPTION_INVALID', `--concurrency ${opts.concurrency}: give a whole number from 1 to 64`);
  }
  const maxBytes = parseSize(opts.maxSize);
  const timeoutMs = imageTimeoutFrom(opts);
  const source = imageSourceFrom(opts);
  const policySet = await readPolicies(opts.policy, maxBytes);
  const inputs = await splitInputs(paths.length > 0 ? await readManifests(paths, maxBytes) : [], opts.pods, maxBytes);
  const loaded = loadManifests(inputs.manifests);
  const sbomImages = await releaseImagesFrom(opts);

  // Only images some policy matches, and the pods' images, are looked up: the others get the --no-match verdict.
  const patterns = policySet.policies.flatMap((p) => p.globs.map((g) => g.pattern));
  const podImages = inputs.running.flatMap((c) => [c.specImage, c.running ? `${c.running.name}@${c.running.digest}` : undefined]).filter(isReference);
  const looked = [...new Set([...loaded.references.filter((r) => patterns.some((p) => globMatches(p, r))), ...podImages])];
  assertOfflineAllows(
    opts,
    looked.map((r) => parseReference(r).registry),
  );
  const trustedRoot = await trustedRootFrom(opts);
  await pingRegistries(source, looked, timeoutMs);
  const audits = await auditPods(inputs.running, { source, concurrency, ...(sbomImages ? { sbomImages } : {}) });
  // What runs is verified at its digest; the policies that apply are those matching it or the spec's name.
  const running = new Map<string, ImageToCheck>();
  for (const a of audits)
    if (a.reference) running.set(`${a.reference} ${a.specImage ?? ''}`, { image: a.reference, ...(a.specImage ? { alsoMatch: a.specImage } : {}) });
  const results = await checkPolicies([...loaded.references, ...running.values()], policySet, {
    source,
    trustedRoot,
    noMatch: opts.match as NoMatchPolicy,
    concurrency,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  });
  const byImage = new Map(results.slice(0, loaded.references.length).map((r) => [r.image, r]));
  const byRunning = new Map([...running.keys()].map((key, i) => [key, results[loaded.references.length + i]!]));
  const { checked, invalid } = manifestResults(loaded, byImage);
  const pods: AuditedContainer[] = audits.map((a) => {
    const policy = a.reference ? byRunning.get(`${a.reference} ${a.specImage ?? ''}`) : undefined;
    return { ...a, verdict: auditVerdict(a, policy), ...(policy ? { policy } : {}) };
  });
  const failed = checked.some((c) => c.result.verdict === 'fail') || invalid.length > 0 || pods.some((p) => p.verdict === 'fail');
  const code = failed ? ExitCode.CHECK_FAILED : ExitCode.OK;
  if (inputs.podLists.length > 0 && pods.length === 0) warn(`${inputs.podLists.join(', ')}: no container statuses (pods not started yet?)`);
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
      ...(inputs.podLists.length > 0 ? { podLists: inputs.podLists, pods } : {}),
    });
    return code;
  }
  writeText(checkReportLines(checked, invalid) + podAuditLines(pods));
  if (!outputSettings().quiet) {
    if (loaded.parsed.length > 0) writeReport(checkSummary(checked, invalid.length));
    if (inputs.podLists.length > 0) writeReport(auditSummary(pods));
  }
  return code;
}

function isReference(value: string | undefined): value is string {
  if (value === undefined) return false;
  try {
    parseReference(value);
    return true;
  } catch {
    return false;
  }
}

function manifestResults(loaded: ReturnType<typeof loadManifests>, byImage: Map<string, CheckedImage['result']>) {
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
  return { checked, invalid };
}
