// The exported trusted root is the one verification would use: TUF's answer when it comes, the shipped root (and a
// warning) when it does not or when offline; what is exported reads back as a trusted root.
import { describe, expect, it } from 'vitest';
import { parseTrustedRoot, shippedTrustedRoot } from '../../src/sigstore/trusted-root.js';
import { exportTrustedRoot } from '../../src/verify/trust-root-export.js';
import { getTestPki } from '../helpers/pki/index.js';

describe('exportTrustedRoot', () => {
  it('offline: the shipped public-good root, unchanged in content', async () => {
    const warnings: string[] = [];
    const exported = await exportTrustedRoot({ offline: true, warn: (m) => warnings.push(m) });
    expect(exported.source).toMatch(/shipped/);
    expect(warnings).toEqual([]);
    expect(parseTrustedRoot(exported.text, 'exported').root).toEqual(shippedTrustedRoot().root);
    expect(exported.counts.certificateAuthorities).toBe(shippedTrustedRoot().root.certificateAuthorities.length);
    expect(exported.newestStart).toBeInstanceOf(Date);
  });

  it('online: what TUF returned, with its newest validity start', async () => {
    const pki = await getTestPki();
    const exported = await exportTrustedRoot({ offline: false, tuf: async () => pki.trustedRootText, warn: () => undefined });
    expect(exported.source).toMatch(/^TUF/);
    expect(parseTrustedRoot(exported.text, 'exported').root).toEqual(parseTrustedRoot(pki.trustedRootText, 'test').root);
    const starts = JSON.parse(pki.trustedRootText).certificateAuthorities.map((ca: { validFor: { start: string } }) => Date.parse(ca.validFor.start));
    expect(exported.newestStart!.getTime()).toBeGreaterThanOrEqual(Math.max(...starts));
  });

  it('online but TUF fails: the shipped root, and a warning that says so', async () => {
    const warnings: string[] = [];
    const exported = await exportTrustedRoot({ offline: false, tuf: () => Promise.reject(new Error('connect ECONNREFUSED')), warn: (m) => warnings.push(m) });
    expect(exported.source).toMatch(/shipped/);
    expect(warnings.join('\n')).toMatch(/could not refresh the trusted root through TUF \(connect ECONNREFUSED\)/);
  });
});
