// Why a pinned list is refused, in the words the Images rows use: failed, not checked, not verified yet.
import { describe, expect, it } from 'vitest';
import type { ImageResult } from '../../src/tui/ports.js';
import { exportPlan } from '../../src/tui/screens/export-plan.js';
import { openedState } from '../../src/tui/state/app-state.js';
import { digestOf } from './fake-ports.js';
import { fixtureView } from './fixture.js';

describe('Export plan: pinned', () => {
  it('names each reason an image has no verified digest', () => {
    const view = fixtureView();
    expect(view.images).toHaveLength(4);
    const [a, b, c] = view.images.map((i) => i.reference);
    const results: Record<string, ImageResult> = {
      [a!]: { reference: a!, status: 'verified', digest: digestOf(a!), checks: [] },
      [b!]: { reference: b!, status: 'failed', code: 'IDENTITY_MISMATCH', checks: [] },
      [c!]: { reference: c!, status: 'unchecked', code: 'VERIFY_FAILED_TO_RUN', checks: [] },
    };
    const state = openedState('fixture.spdx', view);
    const plan = exportPlan({ ...state, images: { ...state.images, results }, exporter: { ...state.exporter, pinned: true } }, view.images);
    expect(plan).toEqual({
      ok: false,
      reason:
        'pinned needs a verified digest: 3 of all 4 image(s) shown on the Images screen have none: 1 failed verification, 1 could not be checked, ' +
        '1 not verified yet (Images screen: enter shows why, v or V verifies)',
    });
  });
});
