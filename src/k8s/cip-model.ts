// The parts of sigstore policy-controller's ClusterImagePolicy (policy.sigstore.dev) that kube-sbom evaluates, and
// the list of what it found but cannot evaluate: those make the authority (or the policy) fail, never pass.

export interface CipIdentity {
  subject?: string;
  subjectRegExp?: string;
  issuer?: string;
  issuerRegExp?: string;
}

interface AuthorityBase {
  name: string;
  /** simplesigning (cosign's .sig tag, the default) or bundle (Sigstore bundles as OCI referrers). */
  signatureFormat: 'simplesigning' | 'bundle';
  /** ctlog.url: the Rekor instance whose entries are accepted. */
  rekorUrl?: string;
  /** ctlog.trustRootRef. */
  rekorTrustRootRef?: string;
  /** Settings found that cannot be evaluated here; any one fails the authority. */
  unsupported: string[];
}

export type CipAuthority =
  | (AuthorityBase & { kind: 'keyless'; fulcioUrl?: string; trustRootRef?: string; identities: CipIdentity[] })
  | (AuthorityBase & { kind: 'key'; publicKeyPem: string })
  | (AuthorityBase & { kind: 'static'; action: 'pass' | 'fail' })
  /** An authority that names none (or several) of key, keyless and static: it fails with `unsupported`. */
  | (AuthorityBase & { kind: 'invalid' });

export interface ClusterImagePolicy {
  name: string;
  /** file:line of the document. */
  source: string;
  mode: 'enforce' | 'warn';
  globs: { glob: string; pattern: RegExp }[];
  authorities: CipAuthority[];
  /** Policy-level settings that cannot be evaluated (a CUE or Rego spec.policy, spec.match): the policy fails. */
  unsupported: string[];
}

/** policy-controller's TrustRoot, turned into a trusted_root.json text (sigstoreKeys), or why it cannot be. */
export interface TrustRootDocument {
  name: string;
  source: string;
  trustedRootJson?: string;
  unsupported?: string;
}

export interface PolicySet {
  policies: ClusterImagePolicy[];
  trustRoots: Map<string, TrustRootDocument>;
}
