// standardBundleJson / verifiedBundleJson: the media type follows what the Rekor entry proves, and a bundle is
// handed out only when the text written verifies again with the same trust and policy.
import { describe, expect, it } from 'vitest';
import { bundleMediaType, standardBundleJson, verifiedBundleJson } from '../../src/sigstore/bundle-out.js';
import { parseRekorEntry } from '../../src/sigstore/rekor-entry.js';
import { parseTrustedRoot } from '../../src/sigstore/trusted-root.js';
import { getTestPki, GOOGLE_ISSUER, K8S_BLOB_IDENTITY, signBlob, type SignOptions } from '../helpers/pki/index.js';

const artifact = Buffer.from('kubernetes release binary bytes\n');
const policy = { identity: K8S_BLOB_IDENTITY, issuer: GOOGLE_ISSUER };

async function material(options: SignOptions = {}) {
  const s = await signBlob(artifact, options);
  return { signature: s.signatureB64, certificate: s.certificateB64, rekorEntry: parseRekorEntry(JSON.stringify(s.rekorEntry), 'entry') };
}

const root = async () => parseTrustedRoot((await getTestPki()).trustedRootText, 'test trusted root');

describe('bundles written from verified detached material', () => {
  it('is v0.3 with a single certificate when the entry has an inclusion proof with checkpoint, v0.1 with a chain otherwise', async () => {
    const withProof = await material();
    const v03 = JSON.parse(standardBundleJson(withProof, artifact)) as { mediaType: string; verificationMaterial: object };
    expect(v03.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    expect(Object.keys(v03.verificationMaterial)).toEqual(expect.arrayContaining(['certificate', 'tlogEntries']));
    const setOnly = await material({ inclusionProof: false });
    expect(bundleMediaType(setOnly.rekorEntry)).toBe('application/vnd.dev.sigstore.bundle+json;version=0.1');
    const v01 = JSON.parse(standardBundleJson(setOnly, artifact)) as { verificationMaterial: object };
    expect(Object.keys(v01.verificationMaterial)).toContain('x509CertificateChain');
  });

  it('hands out the bundle only when it verifies as written', async () => {
    const m = await material();
    expect(await verifiedBundleJson(m, artifact, await root(), policy)).toBe(standardBundleJson(m, artifact));
    expect(await verifiedBundleJson(m, artifact, await root(), { ...policy, identity: 'someone-else@example.com' })).toBeUndefined();
    expect(await verifiedBundleJson(m, Buffer.from('other bytes'), await root(), policy)).toBeUndefined();
    const other = await material({ identity: 'someone-else@example.com' });
    expect(await verifiedBundleJson(other, artifact, await root(), policy)).toBeUndefined();
  });
});
