// Trusted roots (shipped, file, TUF with fallback) and the accepted shapes of Rekor entries and detached files.
import { describe, expect, it } from 'vitest';
import { decodeCertificates, decodeSignature } from '../../src/sigstore/detached.js';
import { parseRekorEntry, toRestEntry } from '../../src/sigstore/rekor-entry.js';
import { resolveTrustedRoot } from '../../src/sigstore/trust-source.js';
import { parseTrustedRoot, shippedTrustedRoot } from '../../src/sigstore/trusted-root.js';
import { cosignBundleAnnotation, getTestPki, signBlob } from '../helpers/pki/index.js';

describe('trusted roots', () => {
  it('ships the public-good root from @sigstore/tuf seeds (Fulcio CAs, Rekor and CT logs)', () => {
    const shipped = shippedTrustedRoot();
    expect(shipped.root.certificateAuthorities.length).toBeGreaterThanOrEqual(2);
    expect(shipped.root.tlogs.some((t) => t.baseUrl === 'https://rekor.sigstore.dev')).toBe(true);
    expect(shipped.source).toContain('shipped');
  });

  it('--trusted-root wins; offline uses the shipped root without asking TUF', async () => {
    const pki = await getTestPki();
    const tuf = () => Promise.reject(new Error('must not be called'));
    const fromFile = await resolveTrustedRoot({ trustedRootFile: { path: 'root.json', text: pki.trustedRootText }, offline: false, tuf, warn: () => {} });
    expect(fromFile.source).toBe('root.json');
    const offline = await resolveTrustedRoot({ offline: true, tuf, warn: () => {} });
    expect(offline).toBe(shippedTrustedRoot());
  });

  it('online: the TUF root when it answers, else the shipped root and a warning', async () => {
    const pki = await getTestPki();
    const warnings: string[] = [];
    const ok = await resolveTrustedRoot({ offline: false, tuf: async () => pki.trustedRootText, warn: (m) => warnings.push(m) });
    expect(ok.source).toContain('TUF');
    expect(warnings).toEqual([]);
    const down = await resolveTrustedRoot({
      offline: false,
      tuf: () => Promise.reject(new Error('getaddrinfo ENOTFOUND tuf-repo-cdn.sigstore.dev')),
      warn: (m) => warnings.push(m),
    });
    expect(down).toBe(shippedTrustedRoot());
    expect(warnings).toEqual([
      expect.stringMatching(/could not refresh the trusted root through TUF \(getaddrinfo ENOTFOUND.*using the shipped public-good root/),
    ]);
  });

  it.each([
    ['not JSON', '{'],
    ['wrong mediaType', '{"mediaType":"application/json"}'],
    [
      'tlog key with no validity start',
      JSON.stringify({ mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1', tlogs: [{ publicKey: { rawBytes: 'AA==' } }] }),
    ],
  ])('rejects a trusted root that is %s (TRUSTED_ROOT_INVALID, could not run)', (_why, text) => {
    expect(() => parseTrustedRoot(text, 'bad.json')).toThrow(expect.objectContaining({ code: 'TRUSTED_ROOT_INVALID', kind: 'io' }));
  });
});

describe('Rekor entry shapes', () => {
  it('REST {uuid: entry}, the bare entry, a one-element list and the cosign annotation all parse to the same entry', async () => {
    const s = await signBlob(Buffer.from('x'));
    const rest = parseRekorEntry(JSON.stringify(s.rekorEntry), 'rest');
    expect(rest.uuid).toBe(s.rekorUuid);
    expect(rest.inclusionProof?.treeSize).toBe(7);
    for (const text of [JSON.stringify(s.rekorValue), JSON.stringify([s.rekorEntry]), cosignBundleAnnotation(s.rekorValue)]) {
      const other = parseRekorEntry(text, 'other');
      expect(other.body.equals(rest.body)).toBe(true);
      expect(other.signedEntryTimestamp).toBe(rest.signedEntryTimestamp);
      expect(other.logIndex).toBe(rest.logIndex);
    }
    expect(toRestEntry(rest)).toEqual(s.rekorEntry); // what --save-rekor-entry writes round-trips
  });

  it.each([
    ['two entries', (v: object) => ({ a: v, b: v })],
    ['body not base64', (v: object) => ({ u: { ...v, body: '***' } })],
    ['negative logIndex', (v: object) => ({ u: { ...v, logIndex: -1 } })],
    ['short logID', (v: object) => ({ u: { ...v, logID: 'abcd' } })],
    [
      'bad proof hash',
      (v: { verification: object }) => ({
        u: {
          ...v,
          verification: { ...v.verification, inclusionProof: { checkpoint: 'c', hashes: ['zz'], logIndex: 1, rootHash: 'a'.repeat(64), treeSize: 2 } },
        },
      }),
    ],
  ])('rejects %s with REKOR_ENTRY_MALFORMED', async (_name, mutate) => {
    const s = await signBlob(Buffer.from('x'));
    expect(() => parseRekorEntry(JSON.stringify(mutate(s.rekorValue as never)), 'f')).toThrow(expect.objectContaining({ code: 'REKOR_ENTRY_MALFORMED' }));
  });
});

describe('detached files', () => {
  it('reads .cert as base64 PEM, plain PEM, or base64 DER; .sig with surrounding whitespace', async () => {
    const s = await signBlob(Buffer.from('x'));
    for (const form of [s.certificateB64, s.certificatePem, s.certificateDer.toString('base64'), `${s.certificateB64}\n`]) {
      expect(decodeCertificates(form, 'c')[0]!.equals(s.certificateDer)).toBe(true);
    }
    expect(decodeSignature(`\n${s.signatureB64}\n`, 's').equals(s.signature)).toBe(true);
  });
});
