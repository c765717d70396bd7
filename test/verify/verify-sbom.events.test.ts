// The use case in-process, as the UI drives it: progress and check events in order, the report, cache reuse.
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RELEASE_SIGNER_IDENTITY, RELEASE_SIGNER_ISSUER } from '../../src/k8s/identities.js';
import type { VerifyEvent } from '../../src/verify/release-check.js';
import { createReleaseSignatureVerifier } from '../../src/verify/release-signature.js';
import { verifySbom } from '../../src/verify/verify-sbom.js';
import { realdataMissing } from '../helpers/cli.js';
import { pristineRelease, releaseEnv, removePristine, type ReleaseEnv } from './release-env.js';

let env: ReleaseEnv;

function options(events: VerifyEvent[], offline = false) {
  return {
    version: 'latest-1.25',
    sbomUrl: env.mirror.sbomUrl,
    dlUrl: env.mirror.dlUrl,
    rekorUrl: env.mirror.rekorUrl,
    identity: RELEASE_SIGNER_IDENTITY,
    issuer: RELEASE_SIGNER_ISSUER,
    trustedRootPath: join(env.root, 'trusted_root.json'),
    cacheDir: env.cacheDir,
    offline,
    fetchSettings: { idleTimeoutMs: 1000, retryBaseDelayMs: 10 },
    verifySignature: createReleaseSignatureVerifier({ offline, warn: () => undefined }),
    onEvent: (e: VerifyEvent) => events.push(e),
  };
}

// Each case runs the compiled CLI several times; generous limits keep a loaded CI machine from failing them.
describe.skipIf(realdataMissing)('verifySbom events', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    await pristineRelease();
  });
  afterAll(removePristine);
  afterEach(async () => env?.close());

  it('emits downloads with byte counts, then one event per check, and reuses the cache offline', async () => {
    env = await releaseEnv();
    const events: VerifyEvent[] = [];
    const report = await verifySbom(options(events));
    expect(report.verified).toBe(true);
    expect(report).toMatchObject({ requested: 'latest-1.25', version: 'v1.25.4' });
    const done = events.filter((e): e is Extract<VerifyEvent, { type: 'download-done' }> => e.type === 'download-done');
    expect(done.map((e) => e.label).sort()).toEqual([
      'latest-1.25.txt',
      'release',
      'release.cert',
      'release.rekor-index.json',
      'release.rekor.json',
      'release.sha256',
      'release.sha512',
      'release.sig',
    ]);
    const release = events.filter((e) => e.type === 'download-progress' && e.label === 'release').pop();
    expect(release).toMatchObject({ bytesDone: env.fixture.sbomBytes.length, totalBytes: env.fixture.sbomBytes.length });
    const checks = events.flatMap((e) => (e.type === 'check' ? [`${e.result.check}:${e.result.status}`] : []));
    expect(checks).toEqual(['sha256:pass', 'sha512:pass', 'signature:pass', 'sbom:pass']);
    expect(events.findIndex((e) => e.type === 'check')).toBeGreaterThan(events.findIndex((e) => e.type === 'download-done' && e.label === 'release'));

    const offlineEvents: VerifyEvent[] = [];
    const again = await verifySbom(options(offlineEvents, true));
    expect(again.verified).toBe(true);
    const sources = offlineEvents.flatMap((e) => (e.type === 'download-done' ? [e.source] : []));
    expect(new Set(sources)).toEqual(new Set(['cache']));
  });
});
