// Issue 19, item 7: `outline --json` on big and deep relationship graphs is streamed and walked without recursion,
// so a chain 10,000 deep and a tree of 100k+ relationships print one valid JSON document, like the text outline.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

interface JsonNode {
  id: string;
  children: JsonNode[];
}

const dir = mkdtempSync(join(tmpdir(), 'kube-sbom-outline-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An SPDX JSON document with the given packages, files and relationships (`from TYPE to`). */
function writeDocument(name: string, packages: string[], files: string[], relationships: string[]): string {
  const path = join(dir, name);
  const element = (id: string) => ({ SPDXID: id, name: id.slice(8) });
  const document = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name,
    documentNamespace: `https://example.com/${name}`,
    creationInfo: { created: '2024-01-01T00:00:00Z', creators: ['Tool: kube-sbom-test'] },
    packages: packages.map((id) => ({ ...element(id), downloadLocation: 'NOASSERTION', filesAnalyzed: false })),
    files: files.map((id) => ({ ...element(id), fileName: id.slice(8), checksums: [{ algorithm: 'SHA1', checksumValue: 'a'.repeat(40) }] })),
    relationships: relationships.map((line) => {
      const [spdxElementId, relationshipType, relatedSpdxElement] = line.split(' ');
      return { spdxElementId, relationshipType, relatedSpdxElement };
    }),
  };
  writeFileSync(path, JSON.stringify(document));
  return path;
}

/** Every node of the tree, counted without recursion; and the deepest level reached. */
function measureTree(root: JsonNode): { nodes: number; depth: number } {
  let nodes = 0;
  let depth = 0;
  const stack: [JsonNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, level] = stack.pop()!;
    nodes++;
    depth = Math.max(depth, level);
    for (const child of node.children) stack.push([child, level + 1]);
  }
  return { nodes, depth };
}

describe('outline of large relationship graphs', () => {
  it('a chain 10,000 deep: --json is one valid document as deep as the chain, and the text outline has every line', async () => {
    const n = 10_000;
    const ids = Array.from({ length: n }, (_, i) => `SPDXRef-p${i}`);
    const file = writeDocument(
      'chain.spdx.json',
      ids,
      [],
      ['SPDXRef-DOCUMENT DESCRIBES SPDXRef-p0', ...ids.slice(1).map((id, i) => `${ids[i]} DEPENDS_ON ${id}`)],
    );
    const json = await runCli(['outline', file, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const outline = JSON.parse(json.stdout) as { root: JsonNode; unreached: string[] };
    expect(measureTree(outline.root)).toEqual({ nodes: n + 1, depth: n });
    expect(outline.unreached).toEqual([]);
    const text = await runCli(['outline', file]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout.trimEnd().split('\n')).toHaveLength(n + 1);
  });

  it('101,000 relationships 500 deep: --json is one valid document with every node, and the unreached list', async () => {
    const chain = Array.from({ length: 500 }, (_, i) => `SPDXRef-c${i}`);
    const files = chain.flatMap((c) => Array.from({ length: 200 }, (_, j) => `SPDXRef-f${c.slice(9)}-${j}`));
    const lonely = ['SPDXRef-lonely1', 'SPDXRef-lonely2'];
    const relationships = [
      'SPDXRef-DOCUMENT DESCRIBES SPDXRef-c0',
      ...chain.slice(1).map((id, i) => `${chain[i]} DEPENDS_ON ${id}`),
      ...files.map((f) => `SPDXRef-c${f.slice(9, f.indexOf('-', 9))} CONTAINS ${f}`),
    ];
    expect(relationships.length).toBeGreaterThan(100_000);
    const file = writeDocument('comb.spdx.json', [...chain, ...lonely], files, relationships);
    const json = await runCli(['outline', file, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const outline = JSON.parse(json.stdout) as { root: JsonNode; unreached: string[] };
    expect(measureTree(outline.root)).toEqual({ nodes: 1 + chain.length + files.length, depth: chain.length + 1 });
    expect(outline.unreached).toEqual(lonely);
  });
});
