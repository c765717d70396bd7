// Property: truncated and byte-flipped real documents, in every format, never make parseSbom throw or hang,
// and no parser falls over on them (no INTERNAL_PARSER_ERROR: the damage is described, not crashed on).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';
import { realdata, realdataMissing } from '../helpers/cli.js';

const SAMPLES: [string, number][] = [
  ['spdx/official/2.3/SPDXTagExample-v2.3.spdx', 150],
  ['spdx/official/2.3/SPDXJSONExample-v2.3.spdx.json', 150],
  ['spdx/official/2.3/SPDXYAMLExample-2.3.spdx.yaml', 100],
  ['spdx/official/2.3/SPDXXMLExample-v2.3.spdx.xml', 100],
  ['spdx/edge-cases/tools-python-file_to_test_rdf_parser.rdf.xml', 100],
  ['spdx/edge-cases/utf16/SPDXTagExample-UTF-16.spdx', 60],
  ['k8s/release-sbom/kubernetes-v1.25.4-release.spdx', 30],
];

/** A change to a document's bytes: cut it short, or overwrite a few bytes with arbitrary ones. */
const damage = (size: number): fc.Arbitrary<Damage> =>
  fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.integer({ min: 0, max: size }) }),
    fc.record({
      kind: fc.constant('flip' as const),
      flips: fc.array(fc.tuple(fc.integer({ min: 0, max: Math.max(0, size - 1) }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
    }),
    fc.record({ kind: fc.constant('both' as const), at: fc.integer({ min: 0, max: size }), flip: fc.integer({ min: 0, max: Math.max(0, size - 1) }) }),
  );

type Damage = { kind: 'truncate'; at: number } | { kind: 'flip'; flips: [number, number][] } | { kind: 'both'; at: number; flip: number };

function apply(bytes: Buffer, d: Damage): Buffer {
  const out = Buffer.from(bytes);
  if (d.kind === 'flip') {
    for (const [i, v] of d.flips) out[i] = v;
    return out;
  }
  if (d.kind === 'both') out[d.flip] = out[d.flip]! ^ 0xff;
  return out.subarray(0, d.at);
}

describe.skipIf(realdataMissing)('parseSbom on damaged real documents', () => {
  it.each(SAMPLES)(
    '%s: never throws, never hangs, never crashes a parser',
    (path, runs) => {
      const original = readFileSync(realdata(path));
      fc.assert(
        fc.property(damage(original.length), (d) => {
          const input = apply(original, d);
          const start = performance.now();
          const result = parseSbom(input, { fileName: path });
          const ms = performance.now() - start;
          expect(Array.isArray(result.diagnostics)).toBe(true);
          expect(result.document).toBeDefined();
          expect(result.diagnostics.filter((x) => x.code === 'INTERNAL_PARSER_ERROR')).toEqual([]);
          // A hang guard, not a performance target: the undamaged documents parse in milliseconds.
          expect(ms).toBeLessThan(10_000);
        }),
        { numRuns: runs },
      );
    },
    120_000,
  );
});
