import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';
import { DocumentIndex } from '../../src/sbom/document-index.js';
import { buildOutline } from '../../src/sbom/outline.js';
import { renderOutlineJson } from '../../src/sbom/outline-json.js';
import { renderOutlineText } from '../../src/sbom/outline-text.js';
import { RelationshipGraph } from '../../src/sbom/relationship-graph.js';
import { toJsonText } from '../../src/common/json-text.js';
import { realdata, realdataMissing } from '../helpers/cli.js';
import { HOSTILE_TEXT } from '../helpers/hostile-sbom.js';
import { doc, pkg } from './build-model.js';

const outlineOf = (d: ReturnType<typeof doc>, depth?: number) => {
  const index = new DocumentIndex(d);
  return buildOutline(index, new RelationshipGraph(index), depth === undefined ? {} : { depth });
};

describe('outline', () => {
  const cyclic = doc({
    packages: [pkg('SPDXRef-b', 'beta'), pkg('SPDXRef-a', 'alpha'), pkg('SPDXRef-c', 'gamma'), pkg('SPDXRef-lonely', 'lonely')],
    relationships: [
      'SPDXRef-DOCUMENT DESCRIBES SPDXRef-b',
      'SPDXRef-DOCUMENT DESCRIBES SPDXRef-a',
      'SPDXRef-a DEPENDS_ON SPDXRef-b',
      'SPDXRef-b DEPENDS_ON SPDXRef-a',
      'SPDXRef-c CONTAINED_BY SPDXRef-a',
    ],
  });

  it('sorts children (DESCRIBES first, then by name), expands each element once and survives cycles', () => {
    expect(renderOutlineText(outlineOf(cyclic))).toBe(
      [
        'document test (SPDXRef-DOCUMENT)',
        '├─ DESCRIBES package alpha (SPDXRef-a)',
        '│  ├─ CONTAINS package gamma (SPDXRef-c)',
        '│  └─ DEPENDS_ON package beta (SPDXRef-b)',
        '│     └─ DEPENDS_ON package alpha (SPDXRef-a) [repeat: expanded above]',
        '└─ DESCRIBES package beta (SPDXRef-b) [repeat: expanded above]',
        '',
        '1 element(s) not reachable from SPDXRef-DOCUMENT:',
        '  SPDXRef-lonely',
        '',
      ].join('\n'),
    );
  });

  it('is the same whatever order the relationships were written in', () => {
    const reversed = { ...cyclic, relationships: [...cyclic.relationships].reverse() };
    expect(renderOutlineText(outlineOf(reversed))).toBe(renderOutlineText(outlineOf(cyclic)));
  });

  it('stops at --depth and says how many children were left out', () => {
    const text = renderOutlineText(outlineOf(cyclic, 1));
    expect(text).toContain('├─ DESCRIBES package alpha (SPDXRef-a) [+2 below --depth]');
    expect(text).not.toContain('gamma');
    expect(renderOutlineText(outlineOf(cyclic, 0)).split('\n')[0]).toBe('document test (SPDXRef-DOCUMENT) [+2 below --depth]');
  });

  it('prints JSON byte for byte as JSON.stringify with the output escapes would, at any --depth', () => {
    const hostile = doc({
      packages: [pkg('SPDXRef-h', HOSTILE_TEXT), pkg('SPDXRef-a', 'alpha')],
      relationships: ['SPDXRef-DOCUMENT DESCRIBES SPDXRef-h', 'SPDXRef-h DEPENDS_ON SPDXRef-a', 'SPDXRef-h DEPENDS_ON SPDXRef-missing'],
    });
    for (const d of [cyclic, hostile])
      for (const depth of [undefined, 0, 1]) expect(renderOutlineJson(outlineOf(d, depth))).toBe(toJsonText(outlineOf(d, depth)));
  });

  it('handles a chain deeper than the call stack', () => {
    const n = 20_000;
    const long = doc({
      packages: Array.from({ length: n }, (_, i) => pkg(`SPDXRef-p${i}`, `p${i}`)),
      relationships: ['SPDXRef-DOCUMENT DESCRIBES SPDXRef-p0', ...Array.from({ length: n - 1 }, (_, i) => `SPDXRef-p${i} DEPENDS_ON SPDXRef-p${i + 1}`)],
    });
    const text = renderOutlineText(outlineOf(long));
    expect(text.trimEnd().split('\n')).toHaveLength(n + 1);
    expect(JSON.parse(renderOutlineJson(outlineOf(long, 3))).root.children[0].children[0].children[0].omitted).toBe(1);
    // The whole chain as JSON: as deep as the tree, with the same content JSON.stringify would give.
    let node = JSON.parse(renderOutlineJson(outlineOf(long))).root;
    for (let i = 0; i < n; i++) {
      expect(node.children).toHaveLength(1);
      node = node.children[0];
      if (node.id !== `SPDXRef-p${i}`) expect.fail(`level ${i + 1} is ${node.id}`);
    }
    expect(node.children).toEqual([]);
  });
});

const EXAMPLES = [
  'SPDXTagExample-v2.3.spdx',
  'SPDXJSONExample-v2.3.spdx.json',
  'SPDXYAMLExample-2.3.spdx.yaml',
  'SPDXXMLExample-v2.3.spdx.xml',
  'SPDXRdfExample-v2.3.spdx.rdf.xml',
];

describe.skipIf(realdataMissing)('outline of the official SPDX 2.3 example', () => {
  const outlines = EXAMPLES.map((name) => {
    const path = realdata('spdx', 'official', '2.3', name);
    const { document } = parseSbom(readFileSync(path), { fileName: path });
    const index = new DocumentIndex(document);
    return buildOutline(index, new RelationshipGraph(index));
  });

  it('matches the stored snapshot', async () => {
    await expect(renderOutlineText(outlines[0]!)).toMatchFileSnapshot('__snapshots__/outline-spdx-2.3-example.txt');
  });

  it.each(EXAMPLES.slice(1).map((name, i) => [name, i + 1] as const))('prints the same tree from %s as from tag-value', (_name, i) => {
    expect(renderOutlineText(outlines[i]!)).toBe(renderOutlineText(outlines[0]!));
    expect(renderOutlineJson(outlines[i]!)).toBe(renderOutlineJson(outlines[0]!));
  });
});
