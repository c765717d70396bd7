// The real registry.k8s.io signature of cluster-api-controller v1.5.0, pushed into a local registry the way
// registry.k8s.io stores it (a sha256-<hex>.sig manifest), verifies against the public-good root and prints
// exactly what the real `cosign verify` printed.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RemoteRegistry } from '../../src/registry/index.js';
import { parseTrustedRoot } from '../../src/sigstore/trusted-root.js';
import { verifyImage } from '../../src/verify/verify-image.js';
import { realdata, realdataMissing } from '../helpers/cli.js';
import { registryMissing, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { CLUSTER_API_DIGEST, CLUSTER_API_DIR as DIR, PUBLIC_GOOD_ROOT, pushRealClusterApiSignature } from '../helpers/registry-realdata.js';

describe.skipIf(registryMissing || realdataMissing)('real registry.k8s.io signature', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startRegistry();
    await pushRealClusterApiSignature(registry.url);
  });
  afterAll(() => registry?.stop());

  it('verifies with krel-trust against the public-good root, output equal to cosign verify', async () => {
    const trustedRoot = parseTrustedRoot(readFileSync(realdata(PUBLIC_GOOD_ROOT), 'utf8'), 'public-good');
    const result = await verifyImage(`${registry.host}/cluster-api/cluster-api-controller@${CLUSTER_API_DIGEST}`, {
      source: new RemoteRegistry({ retries: 0 }),
      trustedRoot,
      policy: { identity: 'krel-trust@k8s-releng-prod.iam.gserviceaccount.com', issuer: 'https://accounts.google.com' },
    });
    expect(result.signatures[0]?.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(result).toMatchObject({ verified: true, digest: CLUSTER_API_DIGEST });
    const cosign = JSON.parse(readFileSync(realdata(DIR, 'cosign-verify-output.json'), 'utf8'));
    expect(JSON.stringify(result.cosign, null, 2)).toBe(JSON.stringify(cosign, null, 2));
  });

  it('fails for another identity and for a look-alike regular expression', async () => {
    const trustedRoot = parseTrustedRoot(readFileSync(realdata(PUBLIC_GOOD_ROOT), 'utf8'), 'public-good');
    const ref = `${registry.host}/cluster-api/cluster-api-controller@${CLUSTER_API_DIGEST}`;
    const source = new RemoteRegistry({ retries: 0 });
    const other = await verifyImage(ref, {
      source,
      trustedRoot,
      policy: { identity: 'krel-staging@k8s-releng-prod.iam.gserviceaccount.com', issuer: 'https://accounts.google.com' },
    });
    expect(other).toMatchObject({ verified: false, code: 'IDENTITY_MISMATCH' });
    const prefix = await verifyImage(ref, {
      source,
      trustedRoot,
      policy: { identityRegexp: 'krel-trust@k8s-releng-prod', issuer: 'https://accounts.google.com' },
    });
    expect(prefix).toMatchObject({ verified: false, code: 'IDENTITY_MISMATCH' });
  });
});
