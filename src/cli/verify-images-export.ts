// verify-images --export-sbom: the verified inventory, each image with what this run found, as CycloneDX or SPDX JSON.
import { writeOutputFile } from '../common/output-file.js';
import { packageVersion } from '../common/package-info.js';
import { imagesToCycloneDx, imagesToSpdxJson } from '../export/image-bom.js';
import type { ImageVerificationFacts } from '../export/image-verification-facts.js';
import type { ContainerImage } from '../k8s/image-types.js';
import type { ImageVerification } from '../verify/verify-image.js';
import { nowTimestamp, reportNotExpressed, type ExportFormat } from './export-output.js';

export function verificationFacts(result: ImageVerification): ImageVerificationFacts {
  const signer = result.signatures.find((s) => s.verified)?.signer;
  return {
    status: result.verified ? 'verified' : result.failureKind === 'io' ? 'unchecked' : 'failed',
    code: result.code,
    // Only a verified digest goes into the purl: an unverified one must not read as pinned-and-checked.
    ...(result.verified && result.digest ? { digest: result.digest } : {}),
    ...(result.verified && signer?.identity ? { signerIdentity: signer.identity } : {}),
    ...(result.verified && signer?.issuer ? { signerIssuer: signer.issuer } : {}),
    rekorLogIndexes: result.signatures.filter((s) => s.verified && s.rekorLogIndex !== undefined).map((s) => s.rekorLogIndex!),
  };
}

export interface VerifiedInventory {
  images: readonly ContainerImage[];
  results: readonly ImageVerification[];
  source: string;
  namespace: string;
}

export async function writeVerifiedInventory(file: string, format: ExportFormat, inventory: VerifiedInventory): Promise<void> {
  const input = {
    images: inventory.images,
    verification: new Map(inventory.results.map((r) => [r.reference, verificationFacts(r)])),
    source: inventory.source,
    namespace: inventory.namespace,
    created: nowTimestamp(),
    toolVersion: packageVersion(),
  };
  const written = format === 'cyclonedx-json' ? imagesToCycloneDx(input) : imagesToSpdxJson(input);
  reportNotExpressed(format, written.notExpressed);
  await writeOutputFile(file, written.text);
}
