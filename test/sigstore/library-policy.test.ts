// The public Verifier's own identity check (the last word) is given anchored, escaped identities: a look-alike
// signer that an unanchored or unescaped pattern would let through is refused by the library on its own.
import { describe, expect, it } from 'vitest';
import { libraryPolicy } from '../../src/sigstore/identity.js';
import { bundleFromJSON, toSignedEntity, Verifier } from '../../src/sigstore/library.js';
import { parseTrustedRoot } from '../../src/sigstore/trusted-root.js';
import { getTestPki, GOOGLE_ISSUER, K8S_BLOB_IDENTITY, signBlob, toSigstoreBundle } from '../helpers/pki/index.js';

const artifact = Buffer.from('release bytes\n');

async function libraryAccepts(signedBy: string, policy: Parameters<typeof libraryPolicy>[0]): Promise<boolean> {
  const trust = parseTrustedRoot((await getTestPki()).trustedRootText, 'test').material;
  const entity = toSignedEntity(bundleFromJSON(toSigstoreBundle(await signBlob(artifact, { identity: signedBy }))), artifact);
  if (entity.key.$case !== 'certificate') throw new Error('expected a certificate-signed bundle');
  try {
    new Verifier(trust).verify(entity, libraryPolicy(policy, entity.key.certificate));
    return true;
  } catch {
    return false;
  }
}

describe('libraryPolicy', () => {
  it('lets the library accept exactly the identity and issuer asked for', async () => {
    expect(await libraryAccepts(K8S_BLOB_IDENTITY, { identity: K8S_BLOB_IDENTITY, issuer: GOOGLE_ISSUER })).toBe(true);
    expect(await libraryAccepts(K8S_BLOB_IDENTITY, { identityRegexp: 'krel-.*@k8s-releng-prod\\.iam\\.gserviceaccount\\.com', issuer: GOOGLE_ISSUER })).toBe(
      true,
    );
  });

  it('makes the library refuse look-alike identities and another issuer', async () => {
    const lookAlikes = [K8S_BLOB_IDENTITY.replace('prod.iam', 'prodXiam'), `evil-${K8S_BLOB_IDENTITY}`, `${K8S_BLOB_IDENTITY}.evil.example`];
    for (const signer of lookAlikes) expect(await libraryAccepts(signer, { identity: K8S_BLOB_IDENTITY, issuer: GOOGLE_ISSUER }), signer).toBe(false);
    expect(
      await libraryAccepts(`x${K8S_BLOB_IDENTITY}`, { identityRegexp: 'krel-.*@k8s-releng-prod\\.iam\\.gserviceaccount\\.com', issuer: GOOGLE_ISSUER }),
    ).toBe(false);
    expect(await libraryAccepts(K8S_BLOB_IDENTITY, { identity: K8S_BLOB_IDENTITY, issuer: 'https://token.actions.githubusercontent.com' })).toBe(false);
  });
});
