// What the adapters need to reach the real world: the launch request's mirrors, trust root, signer identities and
// registry access, plus the versions the Release screen offers.
import type { UiLaunchRequest } from '../../app/ui-launch.js';

export interface TuiSettings extends Omit<UiLaunchRequest, 'initial' | 'samples'> {
  versions: string[];
}

/** The offline demo: its release, and the settings (mirrors, trust root, identities, OCI layout) that hold for it alone. */
export interface DemoSource {
  version: string;
  banner: string;
  settings: TuiSettings;
}
