// What the adapters need to reach the real world: mirrors, trust root, signer identities, registry access.
import type { FetchSettings } from '../../fetch/types.js';

export interface TuiSettings {
  sbomUrl: string;
  dlUrl: string;
  rekorUrl: string;
  /** A saved Rekor entry for the release SBOM (the offline demo ships one). */
  rekorEntryFile?: string;
  trustedRootPath?: string;
  releaseIdentity: string;
  imageIdentity: string;
  issuer: string;
  cacheDir?: string;
  offline: boolean;
  /** Timeouts and retries for downloads (the command line's --connect-timeout ...). */
  fetchSettings?: Partial<FetchSettings>;
  ociLayout?: string;
  registryMirrors?: Record<string, string>;
  allowHttpRegistry: boolean;
  /** Where Export writes its files. */
  exportDir: string;
  maxBytes: number;
  concurrency: number;
  versions: string[];
  demo?: string;
}
