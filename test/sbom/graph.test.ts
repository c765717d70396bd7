import { describe, expect, it } from 'vitest';
import { DocumentIndex } from '../../src/sbom/document-index.js';
import { RelationshipGraph } from '../../src/sbom/relationship-graph.js';
import { doc, file, pkg } from './build-model.js';

const sample = doc({
  packages: [pkg('SPDXRef-A', 'a'), pkg('SPDXRef-B', 'b'), pkg('SPDXRef-A', 'duplicate of a')],
  files: [file('SPDXRef-F', 'bin/f')],
  relationships: [
    'SPDXRef-DOCUMENT DESCRIBES SPDXRef-A',
    'SPDXRef-A CONTAINS SPDXRef-F',
    'SPDXRef-A DEPENDS_ON SPDXRef-B',
    'SPDXRef-A GENERATED_FROM DocumentRef-src:SPDXRef-Package-kubernetes',
    'SPDXRef-B DEPENDS_ON NONE',
    'SPDXRef-B DEPENDS_ON NOASSERTION',
    'SPDXRef-F CONTAINED_BY SPDXRef-B',
    'SPDXRef-B DESCRIBED_BY SPDXRef-DOCUMENT',
    'SPDXRef-B DEPENDS_ON SPDXRef-GONE',
  ],
});

describe('DocumentIndex', () => {
  const index = new DocumentIndex(sample);
  it('finds elements by SPDXID and kind, first definition winning over a duplicate', () => {
    expect(index.package('SPDXRef-A')?.name).toBe('a');
    expect(index.file('SPDXRef-F')?.name).toBe('bin/f');
    expect(index.package('SPDXRef-F')).toBeUndefined();
    expect(index.duplicateIds).toEqual(['SPDXRef-A']);
    expect(index.ofKind('file').map((f) => f.spdxId)).toEqual(['SPDXRef-F']);
    expect(index.has('SPDXRef-DOCUMENT')).toBe(true);
  });
});

describe('RelationshipGraph', () => {
  const index = new DocumentIndex(sample);
  const graph = new RelationshipGraph(index);
  it('answers outgoing and incoming by type', () => {
    expect(graph.targets('SPDXRef-A', 'DEPENDS_ON')).toEqual(['SPDXRef-B']);
    expect(graph.incoming('SPDXRef-B', 'DEPENDS_ON').map((e) => e.from)).toEqual(['SPDXRef-A']);
    expect(graph.outgoing('SPDXRef-A').map((e) => e.type)).toEqual(['CONTAINS', 'DEPENDS_ON', 'GENERATED_FROM']);
  });
  it('keeps external, NONE, NOASSERTION and dangling targets as nodes of their own kind', () => {
    expect(graph.kindOf('DocumentRef-src:SPDXRef-Package-kubernetes')).toBe('external');
    expect(graph.targets('SPDXRef-B', 'DEPENDS_ON')).toEqual(['NONE', 'NOASSERTION', 'SPDXRef-GONE']);
    expect(graph.kindOf('NONE')).toBe('none');
    expect(graph.kindOf('NOASSERTION')).toBe('noassertion');
    expect(graph.kindOf('SPDXRef-GONE')).toBe('missing');
    expect(graph.kindOf('SPDXRef-DOCUMENT')).toBe('document');
  });
  it('reads DESCRIBED_BY and CONTAINED_BY as the forward relationship', () => {
    expect(graph.described()).toEqual(['SPDXRef-A', 'SPDXRef-B']);
    expect(graph.contained('SPDXRef-B')).toEqual(['SPDXRef-F']);
    expect(graph.children('SPDXRef-B')).toContainEqual({ via: 'CONTAINS', id: 'SPDXRef-F' });
    expect(graph.hasRelationship('SPDXRef-F', 'CONTAINED_BY')).toBe(true);
  });
});
