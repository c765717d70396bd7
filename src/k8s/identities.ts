// Who signs Kubernetes release artifacts (K8S-RELEASE.md); the CLI uses these as overridable defaults.

/** Signs the release SBOM and the binaries on dl.k8s.io. */
export const RELEASE_SIGNER_IDENTITY = 'krel-staging@k8s-releng-prod.iam.gserviceaccount.com';
/** Signs the container images on registry.k8s.io. */
export const IMAGE_SIGNER_IDENTITY = 'krel-trust@k8s-releng-prod.iam.gserviceaccount.com';
/** OIDC issuer of both identities. */
export const RELEASE_SIGNER_ISSUER = 'https://accounts.google.com';

export const DEFAULT_SBOM_URL = 'https://sbom.k8s.io';
export const DEFAULT_DL_URL = 'https://dl.k8s.io';
export const DEFAULT_REKOR_URL = 'https://rekor.sigstore.dev';
