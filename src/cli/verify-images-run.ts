// verify-images at run time: the image list (SBOM file, verified release download, or --from list), then the use case.
import { readFile } from 'node:fs/promises';
import { checkError, describeFsError, usageError } from '../common/errors.js';
import { sanitizeLine } from '../common/sanitize.js';
import { RELEASE_SIGNER_IDENTITY, RELEASE_SIGNER_ISSUER } from '../k8s/identities.js';
import type { ContainerImage } from '../k8s/image-types.js';
import { parseReference } from '../registry/reference.js';
import { compilePolicy } from '../sigstore/identity.js';
import type { ImageToVerify } from '../verify/verify-images.js';
import type { VerifyImagesCliOptions } from './commands/verify-images.js';
import { loadSbomSource } from './sbom-source.js';
import { assertOfflineAllows, imageSourceFrom, imageTimeoutFrom, policyFrom, trustedRootFrom } from './image-options.js';
import { imagesProgress } from './image-progress.js';
import { exitCodeFor, formatImagesTable } from './image-report-text.js';
import { jsonForTerminal } from './verify-image-run.js';

const MAX_LIST_BYTES = 16 * 1024 * 1024;

async function fromList(file: string): Promise<ImageToVerify[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw describeFsError(err, file);
  }
  if (text.length > MAX_LIST_BYTES) throw usageError('LIST_TOO_LARGE', `${file}: larger than ${MAX_LIST_BYTES} bytes`);
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);
  return lines.map((reference, i) => {
    try {
      parseReference(reference);
    } catch (err) {
      throw usageError('INVALID_REFERENCE', `${file}:${i + 1}: ${(err as Error).message}`, err);
    }
    return { reference };
  });
}

/** The SBOM: a file as it is, a version only after its own checksums and signature verified. */
async function sbomImages(source: string, opts: VerifyImagesCliOptions): Promise<{ label: string; images: ImageToVerify[] }> {
  // The release SBOM is signed by the release signer; the identity options of this command are the images'.
  const release = { ...opts, certificateIdentity: RELEASE_SIGNER_IDENTITY, certificateOidcIssuer: RELEASE_SIGNER_ISSUER };
  const loaded = await loadSbomSource(source, { maxSize: opts.maxSize, release });
  const { document } = loaded;
  const label = loaded.release ? `${loaded.release.version} release SBOM` : loaded.label;
  const { DocumentIndex } = await import('../sbom/document-index.js');
  const { buildImageInventory } = await import('../k8s/image-inventory.js');
  const { filterImages } = await import('../k8s/image-filter.js');
  const inventory = buildImageInventory(new DocumentIndex(document));
  for (const w of inventory.warnings) process.stderr.write(`kube-sbom: warning: ${sanitizeLine(w)}\n`);
  const selected = filterImages(inventory.images, { ...(opts.arch ? { architecture: opts.arch } : {}), ...(opts.name ? { name: opts.name } : {}) });
  return { label, images: selected.map(toVerify) };
}

function toVerify(image: ContainerImage): ImageToVerify {
  return {
    reference: image.reference,
    platform: { os: image.os ?? 'linux', architecture: image.architecture ?? 'amd64' },
    layers: image.layers,
    layerKind: image.layerDigestKind ?? 'diff-id',
  };
}

export async function runVerifyImages(source: string, opts: VerifyImagesCliOptions): Promise<number> {
  const concurrency = Number(opts.concurrency);
  if (!/^\d+$/.test(opts.concurrency) || concurrency < 1 || concurrency > 64) {
    throw usageError('OPTION_INVALID', `--concurrency ${opts.concurrency}: give a whole number from 1 to 64`);
  }
  const policy = policyFrom(opts);
  compilePolicy(policy);
  const timeoutMs = imageTimeoutFrom(opts);
  const list = opts.from ? { label: opts.from, images: await fromList(opts.from) } : await sbomImages(source, opts);
  const images = list.images;
  if (images.length === 0)
    throw checkError('NO_IMAGES', `${sanitizeLine(list.label)}: no images to verify${opts.arch || opts.name ? ' (after --arch/--name)' : ''}`);
  await assertOfflineAllows(
    opts,
    images.map((i) => parseReference(i.reference).registry),
  );
  const registry = await imageSourceFrom(opts);
  const trustedRoot = await trustedRootFrom(opts);
  const { pingRegistries, verifyImages } = await import('../verify/verify-images.js');
  await pingRegistries(
    registry,
    images.map((i) => i.reference),
    timeoutMs,
  );
  const run = await verifyImages(images, {
    source: registry,
    trustedRoot,
    policy,
    concurrency,
    checkSbomLayers: opts.checkSbomLayers && !opts.from,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    onEvent: opts.json ? () => {} : imagesProgress(),
  });
  if (opts.json) {
    process.stdout.write(
      `${jsonForTerminal({ verified: run.verified, source: list.label, trustedRoot: trustedRoot.source, policy, summary: run.summary, images: run.images }, 2)}\n`,
    );
  } else {
    process.stdout.write(formatImagesTable(run.images, run.summary));
  }
  return exitCodeFor(run.images);
}
