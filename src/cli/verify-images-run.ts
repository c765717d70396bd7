// verify-images at run time: the image list (SBOM file, verified release download, or --from list), then the use case.
import { checkError, usageError } from '../common/errors.js';
import { readLimitedText } from '../common/read-limited.js';
import { sanitizeLine } from '../common/sanitize.js';
import { warn, writeJson, writeText } from './output.js';
import { RELEASE_SIGNER_IDENTITY, RELEASE_SIGNER_ISSUER } from '../k8s/identities.js';
import { parseReference } from '../registry/reference.js';
import { compilePolicy } from '../sigstore/identity.js';
import { imageToVerify } from '../verify/image-to-verify.js';
import { pingRegistries, verifyImages, type ImageToVerify } from '../verify/verify-images.js';
import { filterImages } from '../k8s/image-filter.js';
import type { ContainerImage } from '../k8s/image-types.js';
import { buildImageInventory } from '../k8s/image-inventory.js';
import { DocumentIndex } from '../sbom/document-index.js';
import { loadSbomSource } from './sbom-source.js';
import type { ImageCliOptions } from './image-options.js';
import { saveImageBundles, withoutBundleText } from '../verify/image-bundles.js';
import { assertBundleFolders, assertOfflineAllows, carriedFrom, imageSourceFrom, imageTimeoutFrom, policyFrom, trustedRootFrom } from './image-run-options.js';
import { imagesProgress } from './image-progress.js';
import { exitCodeFor, formatImagesTable } from './image-report-text.js';

export interface VerifyImagesCliOptions extends ImageCliOptions {
  from?: string;
  arch?: string;
  name?: string;
  concurrency: string;
  checkSbomLayers: boolean;
  sbomUrl: string;
  dlUrl: string;
  rekorUrl: string;
  rekorEntry?: string;
  cache: boolean;
  maxSize: string;
  exportSbom?: string;
  exportFormat: 'cyclonedx-json' | 'spdx-json';
}

const MAX_LIST_BYTES = 16 * 1024 * 1024;

export async function fromList(file: string): Promise<ImageToVerify[]> {
  const text = await readLimitedText(file, { maxBytes: MAX_LIST_BYTES, hint: 'split the list' });
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
export async function sbomImages(
  source: string,
  opts: VerifyImagesCliOptions,
): Promise<{ label: string; images: ImageToVerify[]; version?: string; inventory: { images: ContainerImage[]; namespace: string } }> {
  const release = releaseSignerOptions(opts);
  const loaded = await loadSbomSource(source, { maxSize: opts.maxSize, release });
  const { document, verification } = loaded;
  const label = verification.kind === 'release' ? `${verification.version} release SBOM` : loaded.label;
  const inventory = buildImageInventory(new DocumentIndex(document));
  for (const w of inventory.warnings) warn(w);
  const selected = filterImages(inventory.images, { ...(opts.arch ? { architecture: opts.arch } : {}), ...(opts.name ? { name: opts.name } : {}) });
  return {
    label,
    images: selected.map(imageToVerify),
    inventory: { images: selected, namespace: document.documentNamespace },
    ...(verification.kind === 'release' ? { version: verification.version } : {}),
  };
}

/** The release SBOM is signed by the release signer; the identity options of this command (regexps too) are the images'. */
export function releaseSignerOptions(opts: VerifyImagesCliOptions) {
  return {
    ...opts,
    certificateIdentity: RELEASE_SIGNER_IDENTITY,
    certificateIdentityRegexp: undefined,
    certificateOidcIssuer: RELEASE_SIGNER_ISSUER,
    certificateOidcIssuerRegexp: undefined,
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
  assertBundleFolders(opts);
  if (opts.exportSbom !== undefined && opts.from)
    throw usageError('OPTION_CONFLICT', '--export-sbom writes the images of an SBOM; it cannot be used with --from');
  const list = opts.from ? { label: opts.from, images: await fromList(opts.from), inventory: undefined } : await sbomImages(source, opts);
  const images = list.images;
  if (images.length === 0)
    throw checkError('NO_IMAGES', `${sanitizeLine(list.label)}: no images to verify${opts.arch || opts.name ? ' (after --arch/--name)' : ''}`);
  assertOfflineAllows(
    opts,
    images.map((i) => parseReference(i.reference).registry),
  );
  const registry = imageSourceFrom(opts);
  const trustedRoot = await trustedRootFrom(opts);
  const carried = await carriedFrom(opts);
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
    ...carried,
    ...(opts.bundleDir !== undefined ? { bundles: true } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    onEvent: opts.json ? () => {} : imagesProgress(),
  });
  // The inventory with every image's outcome, failures included: the hand-off says what did not verify too.
  if (opts.exportSbom !== undefined && list.inventory) {
    const { writeVerifiedInventory } = await import('./verify-images-export.js');
    await writeVerifiedInventory(opts.exportSbom, opts.exportFormat, { ...list.inventory, results: run.images, source: list.label });
  }
  // Each verified image's bundles as its own set, after the run: an image that failed writes nothing.
  const saved: string[] = [];
  if (opts.bundleDir !== undefined) for (const image of run.images) saved.push(...(await saveImageBundles(image, opts.bundleDir)));
  if (opts.json) {
    const images = run.images.map(withoutBundleText);
    const written = opts.bundleDir !== undefined ? { saved } : {};
    writeJson({ verified: run.verified, source: list.label, trustedRoot: trustedRoot.source, policy, summary: run.summary, images, ...written });
  } else {
    writeText(formatImagesTable(run.images, run.summary));
    if (opts.bundleDir !== undefined) warn(`${saved.length / 2} bundle(s) written to ${sanitizeLine(opts.bundleDir)}`);
  }
  return exitCodeFor(run.images);
}
