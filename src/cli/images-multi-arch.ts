// images --multi-arch --pin: each multi-arch reference resolved to its index digest and proven against the SBOM
// (every listed platform present, with the SBOM's layers); other entries resolved as --pin does. Any failure fails the run.
import { checkError } from '../common/errors.js';
import type { ContainerImage } from '../k8s/image-types.js';
import type { ImageSource } from '../registry/source.js';
import { pinDigest } from '../verify/pin-digest.js';
import { proveMultiArchIndex, type IndexProof } from '../verify/pin-index.js';
import { outputSettings, writeReport } from './output.js';

export interface MultiArchPins {
  /** Index digests (and plain digests for entries not folded), by reference. */
  resolvedDigests: Map<string, string>;
  /** Each proven platform's manifest digest inside its index, by the SBOM entry's SPDXID. */
  platformDigests: Map<string, string>;
}

export async function pinMultiArch(
  images: readonly ContainerImage[],
  registry: ImageSource,
  timeoutMs: number | undefined,
  concurrency = 8,
): Promise<MultiArchPins> {
  const resolvedDigests = new Map<string, string>();
  const platformDigests = new Map<string, string>();
  const failures: string[] = [];
  const pending = [...new Map(images.map((i) => [i.reference, i])).values()];
  let next = 0;
  const worker = async () => {
    while (next < pending.length) {
      const image = pending[next++]!;
      if (!image.platforms) resolvedDigests.set(image.reference, image.digest ?? (await pinDigest(registry, image.reference, timeoutMs)));
      else {
        const proof = await proveMultiArchIndex(registry, image, timeoutMs);
        const failed = proof.platforms.filter((p) => p.status === 'fail');
        for (const p of failed) failures.push(`${proof.reference} (${p.platform}): ${p.message} [${p.code}]`);
        if (failed.length > 0) continue;
        resolvedDigests.set(image.reference, proof.digest);
        for (const p of proof.platforms) if (p.digest) platformDigests.set(p.image.spdxId, p.digest);
        report(proof);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, pending.length)) }, worker));
  if (failures.length > 0) {
    for (const line of failures.sort()) writeReport(`FAIL ${line}\n`);
    throw checkError(
      'INDEX_NOT_PROVEN',
      `${failures.length} platform(s) of the multi-arch images do not hold the SBOM's images (listed above); nothing was printed`,
    );
  }
  return { resolvedDigests, platformDigests };
}

function report(proof: IndexProof): void {
  if (outputSettings().quiet) return;
  const unlisted = proof.unlisted.length ? `; not in the SBOM, not checked: ${proof.unlisted.join(', ')}` : '';
  writeReport(`ok ${proof.reference}@${proof.digest}: ${proof.platforms.map((p) => p.platform).join(', ')} hold the SBOM's layers${unlisted}\n`);
}
