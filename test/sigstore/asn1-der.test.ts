// Our one-allocation DER encoder must give exactly the bytes of @sigstore/core's own toDER(), node by node, or a
// certificate would hash or verify differently than the library intends.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeDer, type Asn1Node } from '../../src/sigstore/asn1-der.js';
import { libraryToDer, X509Certificate } from '../../src/sigstore/library.js';
import { getTestPki } from '../helpers/pki/index.js';
import { realdata, realdataMissing } from '../helpers/cli.js';

const require = createRequire(import.meta.url);
type Asn1Class = new (tag: unknown, value: Uint8Array, subs: Asn1Node[]) => Asn1Node & { toDER(): Buffer };
const { ASN1Obj } = require('@sigstore/core/dist/asn1/obj.js') as { ASN1Obj: Asn1Class };
const { ASN1Tag } = require('@sigstore/core/dist/asn1/tag.js') as { ASN1Tag: new (byte: number) => Asn1Node['tag'] };

/** The library's own encoding of the whole subtree (its toDER recurses through the prototype, so swap it back in). */
function libraryDer(node: Asn1Node): Buffer {
  const ours = ASN1Obj.prototype.toDER;
  ASN1Obj.prototype.toDER = libraryToDer as () => Buffer;
  try {
    return (node as Asn1Node & { toDER(): Buffer }).toDER();
  } finally {
    ASN1Obj.prototype.toDER = ours;
  }
}

function* walk(node: Asn1Node): Generator<Asn1Node> {
  yield node;
  for (const sub of node.subs) yield* walk(sub);
}

/** Every base64 DER certificate (rawBytes) and PEM certificate in the realdata Sigstore material. */
function realCertificates(): Array<{ where: string; der: Buffer<ArrayBuffer> }> {
  const found: Array<{ where: string; der: Buffer<ArrayBuffer> }> = [];
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        visit(path);
        continue;
      }
      const text = readFileSync(path, 'latin1');
      for (const m of text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)) {
        found.push({ where: path, der: Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64') });
      }
      for (const m of text.matchAll(/"rawBytes"\s*:\s*"(MI[A-Za-z0-9+/=]+)"/g)) found.push({ where: path, der: Buffer.from(m[1]!, 'base64') });
    }
  };
  visit(realdata('sigstore'));
  return found;
}

describe('DER encoding of @sigstore/core ASN.1 trees', () => {
  it.skipIf(realdataMissing)('equals the library encoding for every node of every real certificate, and the received bytes', () => {
    const certificates = realCertificates();
    expect(certificates.length).toBeGreaterThan(20);
    let nodes = 0;
    for (const { where, der } of certificates) {
      let cert;
      try {
        cert = X509Certificate.parse(der);
      } catch {
        continue; // not an X.509 certificate the library reads (e.g. a key in a rawBytes field)
      }
      const root = (cert as unknown as { root: Asn1Node }).root;
      expect(encodeDer(root).equals(der), where).toBe(true);
      for (const node of walk(root)) {
        nodes++;
        expect(encodeDer(node).equals(libraryDer(node)), where).toBe(true);
      }
    }
    expect(nodes).toBeGreaterThan(1000);
  });

  it('equals the library encoding for the test PKI certificates', async () => {
    const pki = await getTestPki();
    const root = JSON.parse(pki.trustedRootText) as { certificateAuthorities: Array<{ certChain: { certificates: Array<{ rawBytes: string }> } }> };
    for (const ca of root.certificateAuthorities) {
      for (const { rawBytes } of ca.certChain.certificates) {
        const tree = (X509Certificate.parse(Buffer.from(rawBytes, 'base64')) as unknown as { root: Asn1Node }).root;
        expect(encodeDer(tree)).toEqual(Buffer.from(rawBytes, 'base64'));
      }
    }
  });

  it('equals the library encoding on random trees, across the short and long length forms', () => {
    const value = fc.oneof(fc.uint8Array({ maxLength: 140 }), fc.constantFrom(127, 128, 255, 256, 65_535, 65_536).map((n) => new Uint8Array(n).fill(7)));
    const { tree } = fc.letrec<{ tree: Asn1Node }>((self) => ({
      tree: fc.oneof(
        { depthSize: 'small' },
        fc.tuple(fc.integer({ min: 1, max: 0x1e }), value).map(([tag, bytes]) => new ASN1Obj(new ASN1Tag(tag), bytes, [])),
        fc
          .tuple(fc.integer({ min: 1, max: 0x1e }), fc.array(self('tree'), { minLength: 1, maxLength: 4 }))
          .map(([tag, subs]) => new ASN1Obj(new ASN1Tag(tag | 0x20), new Uint8Array(), subs)),
      ),
    }));
    fc.assert(
      fc.property(tree, (node) => {
        expect(encodeDer(node).equals(libraryDer(node))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
