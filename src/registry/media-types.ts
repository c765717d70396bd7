// Media types the client understands; anything else is refused rather than guessed at.

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
export const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
export const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json';
export const OCI_EMPTY = 'application/vnd.oci.empty.v1+json';
export const OCI_LAYER_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';

export const COSIGN_SIMPLESIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json';
export const SIGSTORE_BUNDLE_V03 = 'application/vnd.dev.sigstore.bundle.v0.3+json';

export const MANIFEST_TYPES = [OCI_MANIFEST, DOCKER_MANIFEST] as const;
export const INDEX_TYPES = [OCI_INDEX, DOCKER_MANIFEST_LIST] as const;
/** The Accept header for manifest requests: every type we can parse, nothing we cannot. */
export const MANIFEST_ACCEPT = [OCI_INDEX, DOCKER_MANIFEST_LIST, OCI_MANIFEST, DOCKER_MANIFEST].join(', ');

export const isIndexType = (mediaType: string) => (INDEX_TYPES as readonly string[]).includes(mediaType);
export const isManifestType = (mediaType: string) => (MANIFEST_TYPES as readonly string[]).includes(mediaType);
