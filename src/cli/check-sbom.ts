// check --sbom FILE / --release VERSION: the release's images (with their layers) to tell whether what runs is the
// release's. A version is downloaded and verified like verify-sbom, signed by the release signer.
import { usageError } from '../common/errors.js';
import { buildImageInventory, type ContainerImage } from '../k8s/image-inventory.js';
import { RELEASE_SIGNER_IDENTITY, RELEASE_SIGNER_ISSUER } from '../k8s/identities.js';
import { DocumentIndex } from '../sbom/document-index.js';
import type { ImageCliOptions } from './image-options.js';
import { warn } from './output.js';
import type { ReleaseCliOptions } from './release-options.js';
import { loadSbomSource } from './sbom-source.js';

export interface SbomOptions {
  sbom?: string;
  release?: string;
  sbomUrl: string;
  dlUrl: string;
  rekorUrl: string;
}

const SBOM_MAX_SIZE = '512MiB';

export async function releaseImagesFrom(opts: SbomOptions & ImageCliOptions): Promise<ContainerImage[] | undefined> {
  if (opts.sbom !== undefined && opts.release !== undefined) throw usageError('OPTION_CONFLICT', 'give --sbom FILE or --release VERSION, not both');
  const source = opts.sbom ?? opts.release;
  if (source === undefined) return undefined;
  const release: ReleaseCliOptions = {
    sbomUrl: opts.sbomUrl,
    dlUrl: opts.dlUrl,
    rekorUrl: opts.rekorUrl,
    certificateIdentity: RELEASE_SIGNER_IDENTITY,
    certificateOidcIssuer: RELEASE_SIGNER_ISSUER,
    cache: true,
    ...(opts.trustedRoot ? { trustedRoot: opts.trustedRoot } : {}),
    ...(opts.cacheDir ? { cacheDir: opts.cacheDir } : {}),
    ...(opts.offline ? { offline: true } : {}),
    ...(opts.timeout ? { timeout: opts.timeout } : {}),
  };
  const loaded = await loadSbomSource(source, { maxSize: SBOM_MAX_SIZE, release });
  const inventory = buildImageInventory(new DocumentIndex(loaded.document));
  for (const w of inventory.warnings) warn(w);
  if (inventory.images.length === 0) throw usageError('SBOM_NO_IMAGES', `${loaded.label}: the SBOM lists no container images to compare with`);
  return inventory.images;
}
