// One ClusterImagePolicy authority against one image: static, key or keyless, through the image verification use
// case (verify-image.ts), with the authority's trust root, key, identities and signature format. Fails closed.
import type { CipAuthority, PolicySet } from '../k8s/cip-model.js';
import type { SignatureCandidate } from '../registry/signatures.js';
import type { ImageSource } from '../registry/source.js';
import type { IdentityPolicy } from '../sigstore/identity.js';
import { parseTrustedRoot, type LoadedTrustedRoot } from '../sigstore/trusted-root.js';
import { scopeTrustedRoot } from '../sigstore/trusted-root-scope.js';
import { verifyImage, type ImageVerification } from './verify-image.js';

export interface AuthorityOutcome {
  name: string;
  kind: CipAuthority['kind'];
  passed: boolean;
  code: string;
  reason: string;
  digest?: string;
}

export interface AuthorityContext {
  source: ImageSource;
  /** Used when the authority names no trustRootRef (--trusted-root or the default). */
  trustedRoot: LoadedTrustedRoot;
  policySet: PolicySet;
  timeoutMs?: number;
  /** One verification per distinct (image, key or identity, trust root, format): policies often repeat them. */
  cache: Map<string, Promise<ImageVerification>>;
}

const KINDS: Record<CipAuthority['signatureFormat'], SignatureCandidate['kind'][]> = {
  simplesigning: ['cosign-legacy'],
  bundle: ['sigstore-bundle'],
};

export async function evaluateAuthority(authority: CipAuthority, image: string, ctx: AuthorityContext): Promise<AuthorityOutcome> {
  const base = { name: authority.name, kind: authority.kind };
  const fail = (code: string, reason: string, digest?: string): AuthorityOutcome => ({ ...base, passed: false, code, reason, ...(digest ? { digest } : {}) });
  if (authority.unsupported.length > 0) return fail('POLICY_UNSUPPORTED', `cannot be evaluated: ${authority.unsupported.join('; ')}`);
  if (authority.kind === 'invalid') return fail('POLICY_UNSUPPORTED', 'not a valid authority');
  if (authority.kind === 'static') {
    return authority.action === 'pass' ? { ...base, passed: true, code: 'OK', reason: 'static.action pass' } : fail('STATIC_FAIL', 'static.action fail');
  }
  const root = trustRootFor(authority, ctx);
  if (typeof root === 'string') return fail('TRUST_ROOT_UNUSABLE', root);
  const run = (policy: IdentityPolicy, publicKeyPem?: string) => {
    const key = JSON.stringify([image, root.source, policy, publicKeyPem ?? null, authority.signatureFormat]);
    let pending = ctx.cache.get(key);
    if (!pending) {
      pending = verifyImage(image, {
        source: ctx.source,
        trustedRoot: root,
        policy,
        signatureKinds: KINDS[authority.signatureFormat],
        ...(publicKeyPem !== undefined ? { publicKeyPem } : {}),
        ...(ctx.timeoutMs !== undefined ? { timeoutMs: ctx.timeoutMs } : {}),
      });
      ctx.cache.set(key, pending);
    }
    return pending;
  };
  if (authority.kind === 'key') {
    const v = await run({}, authority.publicKeyPem);
    return v.verified ? { ...base, passed: true, code: 'OK', reason: v.message, digest: v.digest! } : fail(v.code, v.message, v.digest);
  }
  const reasons: string[] = [];
  let last: ImageVerification | undefined;
  for (const [i, identity] of authority.identities.entries()) {
    const policy = identityPolicy(identity);
    if (typeof policy === 'string') {
      reasons.push(`identities[${i}]: ${policy}`);
      continue;
    }
    last = await run(policy);
    if (last.verified) return { ...base, passed: true, code: 'OK', reason: `identities[${i}]: ${last.message}`, digest: last.digest! };
    reasons.push(`identities[${i}]: ${last.message}`);
  }
  return fail(last?.code ?? 'POLICY_INVALID', reasons.join('; '), last?.digest);
}

function trustRootFor(authority: Exclude<CipAuthority, { kind: 'static' | 'invalid' }>, ctx: AuthorityContext): LoadedTrustedRoot | string {
  const keylessRef = authority.kind === 'keyless' ? authority.trustRootRef : undefined;
  // One trusted root serves both checks here; two different ones cannot both be honoured.
  if (keylessRef && authority.rekorTrustRootRef && keylessRef !== authority.rekorTrustRootRef) {
    return `keyless.trustRootRef ${keylessRef} and ctlog.trustRootRef ${authority.rekorTrustRootRef} differ; kube-sbom checks both against one TrustRoot`;
  }
  const ref = keylessRef ?? authority.rekorTrustRootRef;
  let root = ctx.trustedRoot;
  if (ref !== undefined) {
    const doc = ctx.policySet.trustRoots.get(ref);
    if (!doc) return `trustRootRef ${ref}: no TrustRoot of that name among the policy files`;
    if (doc.unsupported || !doc.trustedRootJson) return doc.unsupported ?? `TrustRoot ${ref} holds no keys`;
    try {
      root = parseTrustedRoot(doc.trustedRootJson, `TrustRoot ${ref} (${doc.source})`);
    } catch (err) {
      return (err as Error).message;
    }
  }
  return scopeTrustedRoot(root, {
    ...(authority.kind === 'keyless' && authority.fulcioUrl ? { fulcioUrl: authority.fulcioUrl } : {}),
    ...(authority.rekorUrl ? { rekorUrl: authority.rekorUrl } : {}),
  });
}

/** A CIP identity as the verifier's policy; regular expressions are anchored (stricter than policy-controller's). */
function identityPolicy(identity: { subject?: string; subjectRegExp?: string; issuer?: string; issuerRegExp?: string }): IdentityPolicy | string {
  if (identity.subject !== undefined && identity.subjectRegExp !== undefined) return 'give subject or subjectRegExp, not both';
  if (identity.issuer !== undefined && identity.issuerRegExp !== undefined) return 'give issuer or issuerRegExp, not both';
  if (Object.values(identity).every((v) => v === undefined)) return 'names no issuer and no subject';
  for (const re of [identity.subjectRegExp, identity.issuerRegExp]) {
    if (re === undefined) continue;
    try {
      new RegExp(re, 'u');
    } catch (err) {
      return `${re}: not a regular expression (${(err as Error).message})`;
    }
  }
  // policy-controller accepts an identity that names only one half: the other half then matches anything.
  return {
    ...(identity.subject !== undefined ? { identity: identity.subject } : { identityRegexp: identity.subjectRegExp ?? '.*' }),
    ...(identity.issuer !== undefined ? { issuer: identity.issuer } : { issuerRegexp: identity.issuerRegExp ?? '.*' }),
  };
}
