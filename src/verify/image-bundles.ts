// verify-image --bundle-dir: each verified legacy signature of a verified image written as a standard Sigstore
// bundle, beside the signed payload it covers (sha256-<hex>-N.sigstore.json and sha256-<hex>-N.payload.json).
import { bundleFile } from './bundle-file.js';
import { saveVerifiedFiles, type FileToSave } from './save-verified.js';
import type { ImageVerification } from './verify-image.js';

/** The files for one image; [] when it did not verify or only has bundle signatures (already standard bundles). */
export function imageBundleFiles(result: ImageVerification, dir: string): FileToSave[] {
  if (!result.verified || !result.digest) return [];
  const legacy = result.signatures.filter((s) => s.verified && s.kind === 'cosign-legacy');
  return legacy.flatMap((s, i) => {
    const name = `${result.digest!.replace(':', '-')}-${i}`;
    return [bundleFile(name, s.bundleOut?.bundle, dir), { name: `${name}.payload.json`, data: s.bundleOut!.payload }];
  });
}

/** Writes the image's bundles as one set (whole or not at all); the paths written. */
export async function saveImageBundles(result: ImageVerification, dir: string): Promise<string[]> {
  const files = imageBundleFiles(result, dir);
  return files.length === 0 ? [] : saveVerifiedFiles(dir, files);
}

/** The report without the bundles' text and payload bytes: they went to files and do not belong in --json. */
export function withoutBundleText(result: ImageVerification): ImageVerification {
  return {
    ...result,
    signatures: result.signatures.map((verdict) => {
      const copy = { ...verdict };
      delete copy.bundleOut;
      return copy;
    }),
  };
}
