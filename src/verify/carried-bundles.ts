// --bundles-from DIR: image signatures carried across an air gap as the files verify-image --bundle-dir writes
// (sha256-<hex>-N.sigstore.json beside the signed payload sha256-<hex>-N.payload.json). Read only, never written.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describeFsError, KubeSbomError } from '../common/errors.js';
import { readLimited } from '../common/read-limited.js';
import { sanitizeLine } from '../common/sanitize.js';
import { MAX_SIGNATURE_BYTES, MAX_SIGNATURES } from '../registry/signatures.js';

export interface CarriedBundle {
  kind: 'carried-bundle';
  /** DIR/sha256-<hex>-N.sigstore.json, for reports. */
  location: string;
  /** The bundle's text, or undefined when it could not be read (then `problem` says why). */
  bundle?: string;
  /** The signed simple-signing payload written beside it. */
  payload?: Uint8Array;
  problem?: string;
}

const LIMIT = { maxBytes: MAX_SIGNATURE_BYTES, hint: 'a carried image signature is a few KB' };

/** The folder's file names, listed once for every image of a run. */
export class CarriedBundleDir {
  private constructor(
    readonly dir: string,
    private readonly names: ReadonlySet<string>,
  ) {}

  /** Fails (exit 3) when DIR cannot be listed: a folder the user named that is absent is not "no signatures". */
  static async open(dir: string): Promise<CarriedBundleDir> {
    try {
      return new CarriedBundleDir(dir, new Set(await readdir(dir)));
    } catch (err) {
      throw describeFsError(err, dir);
    }
  }

  /** What a report says was searched for `digest`. */
  pattern(digest: string): string {
    return join(this.dir, `${digest.replace(':', '-')}-N.sigstore.json`);
  }

  /** Every carried bundle for `digest`, in N order; one whose payload is missing or unreadable comes back with its problem. */
  async forDigest(digest: string): Promise<CarriedBundle[]> {
    const base = digest.replace(':', '-');
    const shape = new RegExp(`^${base}-(\\d+)\\.sigstore\\.json$`);
    const numbers = [...this.names].flatMap((n) => (shape.exec(n) ? [Number(shape.exec(n)![1])] : [])).sort((a, b) => a - b);
    return Promise.all(numbers.slice(0, MAX_SIGNATURES).map((n) => this.read(`${base}-${n}`)));
  }

  private async read(name: string): Promise<CarriedBundle> {
    const location = join(this.dir, `${name}.sigstore.json`);
    try {
      const [bundle, payload] = await Promise.all([readLimited(location, LIMIT), readLimited(join(this.dir, `${name}.payload.json`), LIMIT)]);
      return { kind: 'carried-bundle', location, bundle: bundle.toString('utf8'), payload };
    } catch (err) {
      const why = err instanceof KubeSbomError ? err.message : String(err);
      return { kind: 'carried-bundle', location, problem: `${why} (verify-image --bundle-dir writes ${name}.payload.json beside the bundle; carry both)` };
    }
  }
}

export interface CarriedSignatures {
  carriedBundles?: CarriedBundleDir;
  /** What an image without signatures is told to carry (only where signatures could have been carried). */
  noSignaturesHint?: string;
}

/**
 * The carried bundles (--bundles-from, listed once; a folder that is not there stops the run) and, on the far side
 * (a mirror, a layout or carried bundles), what a missing signature needs. The commands and the UI both come here.
 */
export async function carriedSignatures(input: { bundlesFrom?: string; mirrored: boolean }): Promise<CarriedSignatures> {
  const carriedBundles = input.bundlesFrom !== undefined ? await CarriedBundleDir.open(input.bundlesFrom) : undefined;
  if (!carriedBundles && !input.mirrored) return {};
  const hint = carriedBundles
    ? `carry it: run verify-image --bundle-dir DIR where the registry is reachable and copy the sha256-<hex>-N.sigstore.json and .payload.json files into ${sanitizeLine(carriedBundles.dir)}`
    : 'carry the signatures: copy the image with kube-sbom mirror (it keeps the .sig tags), or pass --bundles-from DIR with bundles written by verify-image --bundle-dir';
  return { ...(carriedBundles ? { carriedBundles } : {}), noSignaturesHint: hint };
}
