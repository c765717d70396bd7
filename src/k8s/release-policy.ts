// Admission policies for a release's images: a sigstore policy-controller ClusterImagePolicy or a Kyverno
// ClusterPolicy (verifyImages) that admit the release's repositories only when signed by the release identity.
import type { ContainerImage } from './image-types.js';
import { DEFAULT_REKOR_URL, IMAGE_SIGNER_IDENTITY, RELEASE_SIGNER_ISSUER } from './identities.js';

export const DEFAULT_FULCIO_URL = 'https://fulcio.sigstore.dev';
const K8S_REGISTRY = 'registry.k8s.io';

export interface ReleasePolicySettings {
  name: string;
  mode: 'enforce' | 'warn';
  identity: string;
  issuer: string;
  fulcioUrl: string;
  rekorUrl: string;
}

export const defaultPolicySettings = (name: string): ReleasePolicySettings => ({
  name,
  mode: 'enforce',
  identity: IMAGE_SIGNER_IDENTITY,
  issuer: RELEASE_SIGNER_ISSUER,
  fulcioUrl: DEFAULT_FULCIO_URL,
  rekorUrl: DEFAULT_REKOR_URL,
});

/**
 * One pattern per repository, per-architecture names folded into the multi-arch name (kube-apiserver-amd64 ->
 * kube-apiserver): `registry/name*` covers both, tags and digests (a glob cannot hold `@`).
 */
export function releaseImagePatterns(images: readonly ContainerImage[]): string[] {
  const names = new Set<string>();
  for (const image of images) {
    const suffix = image.architecture ? `-${image.architecture}` : '';
    const repository = suffix && image.repository.endsWith(suffix) ? image.repository.slice(0, -suffix.length) : image.repository;
    names.add(`${image.registry || K8S_REGISTRY}/${repository}*`);
  }
  return [...names].sort();
}

/** policy.sigstore.dev/v1beta1 ClusterImagePolicy: keyless, the release identity, Fulcio and Rekor named. */
export function releaseClusterImagePolicy(patterns: string[], s: ReleasePolicySettings): Record<string, unknown> {
  return {
    apiVersion: 'policy.sigstore.dev/v1beta1',
    kind: 'ClusterImagePolicy',
    metadata: { name: s.name },
    spec: {
      mode: s.mode,
      images: patterns.map((glob) => ({ glob })),
      authorities: [
        {
          name: 'kubernetes-release-signer',
          keyless: { url: s.fulcioUrl, identities: [{ issuer: s.issuer, subject: s.identity }] },
          ctlog: { url: s.rekorUrl },
        },
      ],
    },
  };
}

/** kyverno.io/v1 ClusterPolicy: verifyImages with a keyless attestor (subject, issuer, Rekor URL) for Pods. */
export function releaseKyvernoPolicy(patterns: string[], s: ReleasePolicySettings): Record<string, unknown> {
  return {
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: { name: s.name },
    spec: {
      validationFailureAction: s.mode === 'enforce' ? 'Enforce' : 'Audit',
      background: false,
      webhookTimeoutSeconds: 30,
      rules: [
        {
          name: 'verify-kubernetes-release-images',
          match: { any: [{ resources: { kinds: ['Pod'] } }] },
          verifyImages: [
            {
              imageReferences: patterns,
              mutateDigest: true,
              verifyDigest: true,
              required: true,
              attestors: [{ entries: [{ keyless: { subject: s.identity, issuer: s.issuer, rekor: { url: s.rekorUrl } } }] }],
            },
          ],
        },
      ],
    },
  };
}
