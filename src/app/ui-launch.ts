// What the command line hands the interactive UI: settings already read from the flags. It lives below both
// front ends so that neither imports the other; the program's entry point connects them.
import type { FetchSettings } from '../fetch/types.js';

export interface UiLaunchRequest {
  /** What was named on the command line, decided as every command decides it. */
  initial?: { kind: 'file' | 'version'; value: string };
  /** The offline demo in samples/. */
  samples: boolean;
  sbomUrl: string;
  dlUrl: string;
  rekorUrl: string;
  rekorEntryFile?: string;
  /** The release SBOM signature's carried Sigstore bundle (--sbom-bundle), verified instead of a Rekor lookup. */
  sbomBundleFile?: string;
  trustedRootPath?: string;
  releaseIdentity: string;
  imageIdentity: string;
  issuer: string;
  /** Absent: neither read nor write the download cache. */
  cacheDir?: string;
  offline: boolean;
  fetchSettings?: Partial<FetchSettings>;
  ociLayout?: string;
  registryMirrors?: Record<string, string>;
  /** Image signatures carried as bundles (--bundles-from): read, never written. */
  bundlesFrom?: string;
  allowHttpRegistry: boolean;
  /** Absolute. */
  exportDir: string;
  maxBytes: number;
  concurrency: number;
}

/** Runs the UI until the user quits; resolves to the exit code. */
export type UiLauncher = (request: UiLaunchRequest) => Promise<number>;
