// Use case: evaluate ClusterImagePolicies against images with policy-controller's semantics. Every policy whose
// glob matches must be satisfied; any one of its authorities satisfies it; a failing warn-mode policy warns only;
// an image no policy matches is allowed, denied or warned about as --no-match says.
import { mapLimited } from '../registry/limiter.js';
import { parseReference, pinnedReference } from '../registry/reference.js';
import { fetchImageManifest } from '../registry/resolve.js';
import { globMatches } from '../k8s/cip-glob.js';
import type { ClusterImagePolicy, PolicySet } from '../k8s/cip-model.js';
import { evaluateAuthority, type AuthorityContext, type AuthorityOutcome } from './policy-authority.js';
import { DEFAULT_IMAGE_CONCURRENCY } from './defaults.js';

export type NoMatchPolicy = 'allow' | 'deny' | 'warn';
/** pass: admitted; warn: admitted with warnings; fail: an enforce policy (or no-match deny) rejects it. */
export type Verdict = 'pass' | 'warn' | 'fail';

export interface PolicyOutcome {
  policy: string;
  source: string;
  mode: ClusterImagePolicy['mode'];
  glob: string;
  passed: boolean;
  /** The authority that satisfied it. */
  passedBy?: string;
  reason: string;
  authorities: AuthorityOutcome[];
}

export interface ImagePolicyResult {
  image: string;
  /** The digest the verifications spoke of (absent when no signature was looked at). */
  digest?: string;
  verdict: Verdict;
  message: string;
  policies: PolicyOutcome[];
}

export type CheckPoliciesOptions = Omit<AuthorityContext, 'cache' | 'policySet'> & { noMatch: NoMatchPolicy; concurrency?: number };

/** An image to verify, and the name a pod spec gave it (admission matched the globs against that name). */
export interface ImageToCheck {
  image: string;
  alsoMatch?: string;
}

export async function checkPolicies(images: (string | ImageToCheck)[], policySet: PolicySet, options: CheckPoliciesOptions): Promise<ImagePolicyResult[]> {
  const ctx: AuthorityContext = { ...options, policySet, cache: new Map() };
  return mapLimited(images, options.concurrency ?? DEFAULT_IMAGE_CONCURRENCY, (item) =>
    checkImage(typeof item === 'string' ? { image: item } : item, policySet.policies, ctx, options.noMatch),
  );
}

async function checkImage(
  { image, alsoMatch }: ImageToCheck,
  policies: ClusterImagePolicy[],
  ctx: AuthorityContext,
  noMatch: NoMatchPolicy,
): Promise<ImagePolicyResult> {
  // A policy matching either name applies: more policies, never fewer, must pass.
  const names = alsoMatch !== undefined && alsoMatch !== image ? [image, alsoMatch] : [image];
  const matched = policies.flatMap((policy) => {
    const glob = policy.globs.find((g) => names.some((name) => safeMatch(g.pattern, name)));
    return glob ? [{ policy, glob: glob.glob }] : [];
  });
  if (matched.length === 0) {
    const verdict: Verdict = noMatch === 'allow' ? 'pass' : noMatch === 'deny' ? 'fail' : 'warn';
    return { image, verdict, message: `no policy matches this image (--no-match ${noMatch})`, policies: [] };
  }
  const target = await pinOnce(image, matched, ctx);
  const outcomes = await Promise.all(matched.map(({ policy, glob }) => evaluatePolicy(policy, glob, target, ctx)));
  const failed = outcomes.filter((o) => !o.passed);
  const enforced = failed.filter((o) => o.mode === 'enforce');
  const verdict: Verdict = enforced.length > 0 ? 'fail' : failed.length > 0 ? 'warn' : 'pass';
  const digest = outcomes.flatMap((o) => o.authorities.map((a) => a.digest)).find((d) => d !== undefined);
  const message =
    verdict === 'pass'
      ? `${outcomes.length} matching polic${outcomes.length === 1 ? 'y' : 'ies'} satisfied`
      : `${failed.map((o) => `${o.policy}${o.mode === 'warn' ? ' (warn)' : ''}`).join(', ')} not satisfied`;
  return { image, ...(digest ? { digest } : {}), verdict, message, policies: outcomes };
}

async function evaluatePolicy(policy: ClusterImagePolicy, glob: string, image: string, ctx: AuthorityContext): Promise<PolicyOutcome> {
  const base = { policy: policy.name, source: policy.source, mode: policy.mode, glob };
  // A policy-level feature we cannot evaluate fails the policy, whatever its authorities say.
  const authorities = await Promise.all(policy.authorities.map((a) => evaluateAuthority(a, image, ctx)));
  if (policy.unsupported.length > 0) return { ...base, passed: false, reason: `cannot be evaluated: ${policy.unsupported.join('; ')}`, authorities };
  const passedBy = authorities.find((a) => a.passed);
  if (passedBy) return { ...base, passed: true, passedBy: passedBy.name, reason: `authority ${passedBy.name}: ${passedBy.reason}`, authorities };
  return { ...base, passed: false, reason: `no authority passed (${authorities.length} tried)`, authorities };
}

/**
 * As policy-controller does, a tag is resolved once and every authority verifies that digest: policies cannot pass
 * on different digests if the tag moves meanwhile. Unresolvable: the tag goes on, and each verification says why.
 */
async function pinOnce(image: string, matched: { policy: ClusterImagePolicy }[], ctx: AuthorityContext): Promise<string> {
  if (!matched.some(({ policy }) => policy.authorities.some((a) => a.kind === 'key' || a.kind === 'keyless'))) return image;
  try {
    const ref = parseReference(image);
    if (ref.digest) return image;
    // The digest of the manifest bytes received (as verify-image resolves), not a header's claim.
    return pinnedReference(ref, (await fetchImageManifest(ctx.source, ref)).digest);
  } catch {
    return image;
  }
}

/** A spec image that is not a reference matches no glob (the verification of the running digest still decides). */
function safeMatch(pattern: RegExp, name: string): boolean {
  try {
    return globMatches(pattern, name);
  } catch {
    return false;
  }
}
