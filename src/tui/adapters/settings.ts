// What the adapters need to reach the real world: the launch request's mirrors, trust root, signer identities and
// registry access, plus the versions the Release screen offers and the demo banner.
import type { UiLaunchRequest } from '../../app/ui-launch.js';

export interface TuiSettings extends Omit<UiLaunchRequest, 'initial' | 'samples'> {
  versions: string[];
  demo?: string;
}
