// Fail closed when writing: a verified signature whose bundle is missing stops the whole set instead of leaving
// it out quietly; an image that did not verify gives no files at all.
import { describe, expect, it } from 'vitest';
import { bundleFile } from '../../src/verify/bundle-file.js';
import { imageBundleFiles } from '../../src/verify/image-bundles.js';
import type { SignatureVerdict } from '../../src/verify/image-signature.js';
import type { ImageVerification } from '../../src/verify/verify-image.js';

const legacy = (extra: Partial<SignatureVerdict>): SignatureVerdict => ({
  kind: 'cosign-legacy',
  location: 'sha256-ab.sig',
  verified: true,
  checks: [],
  ...extra,
});
const image = (verified: boolean, signatures: SignatureVerdict[]): ImageVerification => ({
  reference: 'registry.k8s.io/pause:3.9',
  digest: 'sha256:ab',
  verified,
  code: 'OK',
  message: '',
  checks: [],
  signatures,
  searched: [],
  cosign: [],
});

describe('bundle files', () => {
  it('names the bundle NAME.sigstore.json, and refuses when there is none', () => {
    expect(bundleFile('kubectl', '{}\n', '/out')).toEqual({ name: 'kubectl.sigstore.json', data: '{}\n' });
    expect(() => bundleFile('kubectl', undefined, '/out')).toThrow(expect.objectContaining({ code: 'BUNDLE_NOT_WRITTEN' }));
  });

  it('gives each verified legacy signature of a verified image its bundle and payload, and nothing otherwise', () => {
    const payload = Buffer.from('{"critical":{}}');
    const good = legacy({ bundleOut: { bundle: '{}\n', payload } });
    expect(imageBundleFiles(image(true, [good, legacy({ verified: false })]), '/out')).toEqual([
      { name: 'sha256-ab-0.sigstore.json', data: '{}\n' },
      { name: 'sha256-ab-0.payload.json', data: payload },
    ]);
    expect(imageBundleFiles(image(false, [good]), '/out')).toEqual([]);
    expect(() => imageBundleFiles(image(true, [legacy({})]), '/out')).toThrow(expect.objectContaining({ code: 'BUNDLE_NOT_WRITTEN' }));
  });
});
