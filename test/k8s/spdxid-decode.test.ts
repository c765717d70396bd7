import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSpdxIdEscapes, encodeSpdxIdPart } from '../../src/k8s/spdxid-decode.js';

describe('SPDXID C<byte> escapes (kubernetes-sigs/bom)', () => {
  it('encodes like bom: / and : become -, other characters C<byte>', () => {
    expect(encodeSpdxIdPart('registry.k8s.io/kube-apiserver-amd64:v1.25.4')).toBe('registry.k8s.io-kube-apiserver-amd64-v1.25.4');
    expect(encodeSpdxIdPart('_output-v1.25.4')).toBe('C95output-v1.25.4');
    expect(encodeSpdxIdPart('é')).toBe('C195C169');
  });
  it('decodes escapes, including multi-byte UTF-8 runs', () => {
    expect(decodeSpdxIdEscapes('workspace-C95output')).toBe('workspace-_output');
    expect(decodeSpdxIdEscapes('caféC195C169')).toBe('caféé');
    expect(decodeSpdxIdEscapes('aC126b')).toBe('a~b');
  });
  it('keeps C<digits> that bom would never have written as text', () => {
    expect(decodeSpdxIdEscapes('C65')).toBe('C65'); // 'A' is never escaped
    expect(decodeSpdxIdEscapes('ABC1001')).toBe('ABC1001'); // C100 = 'd' and C10 = newline are never produced
    expect(decodeSpdxIdEscapes('C958')).toBe('_8');
  });
  it('round-trips names without / : or literal C<digits>', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (name) => {
        fc.pre(!/[/:]/.test(name) && !/C\d/.test(name) && !/[\u0000-\u001f]/.test(name));
        expect(decodeSpdxIdEscapes(encodeSpdxIdPart(name))).toBe(name);
      }),
      { numRuns: 300 },
    );
  });
});
