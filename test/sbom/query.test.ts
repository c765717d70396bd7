import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';
import { KubeSbomError } from '../../src/common/errors.js';
import { DocumentIndex } from '../../src/sbom/document-index.js';
import { DEFAULT_FIELDS, ELEMENT_FIELDS } from '../../src/sbom/element-fields.js';
import { renderQueryResults } from '../../src/export/query-results.js';
import { query } from '../../src/sbom/query.js';
import { parseQuery } from '../../src/sbom/query-parse.js';
import { RelationshipGraph } from '../../src/sbom/relationship-graph.js';
import { realdata, realdataMissing } from '../helpers/cli.js';
import { doc, file, pkg } from './build-model.js';

const purl = (locator: string) => ({ category: 'PACKAGE-MANAGER', type: 'purl', locator });
const sample = doc({
  packages: [
    pkg('SPDXRef-img', 'kube-apiserver.tar', {
      checksums: [
        { algorithm: 'SHA256', value: 'abcdef0123' },
        { algorithm: 'SHA1', value: 'ffff' },
      ],
    }),
    pkg('SPDXRef-layer', 'sha256:aaaa', { checksums: [{ algorithm: 'SHA256', value: 'aaaa' }] }),
    pkg('SPDXRef-pause', 'pause', { externalRefs: [purl('pkg:oci/pause@sha256:1234?arch=amd64&repository_url=registry.k8s.io')] }),
    pkg('SPDXRef-go', 'golang.org/x/net', { externalRefs: [purl('pkg:golang/golang.org/x/net@v0.1.0')] }),
  ],
  files: [file('SPDXRef-bin', 'bin/linux/amd64/kube-apiserver', { checksums: [{ algorithm: 'SHA256', value: 'abcd99' }] })],
  relationships: [
    'SPDXRef-DOCUMENT DESCRIBES SPDXRef-img',
    'SPDXRef-DOCUMENT DESCRIBES SPDXRef-bin',
    'SPDXRef-img CONTAINS SPDXRef-layer',
    'SPDXRef-layer DEPENDS_ON SPDXRef-go',
  ],
});
const index = new DocumentIndex(sample);
const graph = new RelationshipGraph(index);
const ids = (expression: string) => query(expression, index, graph).map((e) => e.spdxId);

describe('query terms', () => {
  it('name: is an unanchored regular expression', () => {
    expect(ids('name:kube-apiserver')).toEqual(['SPDXRef-img', 'SPDXRef-bin']);
    expect(ids('name:^kube')).toEqual(['SPDXRef-img']);
  });
  it('purl: matches whole package URLs with * wildcards', () => {
    expect(ids('purl:pkg:oci/*')).toEqual(['SPDXRef-pause']);
    expect(ids('purl:pkg:oci/pause@sha256:1234?arch=amd64*')).toEqual(['SPDXRef-pause']);
    expect(ids('purl:pkg:oci/pause')).toEqual([]);
    expect(ids('purl:*x/net@v0.1.0')).toEqual(['SPDXRef-go']);
  });
  it('type:, rel: (either side) and depth: (hops below what the document describes)', () => {
    expect(ids('type:file')).toEqual(['SPDXRef-bin']);
    expect(ids('rel:contains')).toEqual(['SPDXRef-img', 'SPDXRef-layer']);
    expect(ids('depth:0')).toEqual(['SPDXRef-img', 'SPDXRef-bin']);
    expect(ids('depth:1')).toEqual(['SPDXRef-img', 'SPDXRef-layer', 'SPDXRef-bin']);
    expect(ids('depth:2')).toContain('SPDXRef-go');
  });
  it('checksum: matches a prefix of any algorithm, or of the one named', () => {
    expect(ids('checksum:ABCD')).toEqual(['SPDXRef-img', 'SPDXRef-bin']);
    expect(ids('checksum:sha1:ffff')).toEqual(['SPDXRef-img']);
    expect(ids('checksum:SHA1:abcd')).toEqual([]);
  });
  it('joins terms with AND, written or implied', () => {
    expect(ids('name:kube AND type:package')).toEqual(['SPDXRef-img']);
    expect(ids('name:kube type:package depth:0')).toEqual(['SPDXRef-img']);
    expect(ids('"name:kube-apiserver" and checksum:abcd99')).toEqual(['SPDXRef-bin']);
  });
});

describe('rel: on a few candidates (asked per element) agrees with rel: alone', () => {
  it('gives the intersection either way', () => {
    const n = 64;
    const big = doc({
      packages: Array.from({ length: n }, (_, i) => pkg(`SPDXRef-p${i}`, `pkg-${i}`)),
      relationships: Array.from({ length: n / 2 }, (_, i) => `SPDXRef-p${i * 2} DEPENDS_ON SPDXRef-p${(i * 7) % n}`),
    });
    const i = new DocumentIndex(big);
    const g = new RelationshipGraph(i);
    const ids = (e: string) => query(e, i, g).map((x) => x.spdxId);
    const withRel = new Set(ids('rel:DEPENDS_ON'));
    for (const name of ['pkg-1$', 'pkg-2$', 'pkg-7$', 'pkg-14$', 'pkg-63$']) {
      expect(ids(`name:${name} rel:DEPENDS_ON`)).toEqual(ids(`name:${name}`).filter((id) => withRel.has(id)));
    }
    expect(ids('name:pkg-14$ rel:DEPENDS_ON')).toEqual(['SPDXRef-p14']);
    expect(ids('name:pkg-1$ rel:DEPENDS_ON')).toEqual([]);
  });
});

describe('query syntax errors', () => {
  const error = (expression: string) => {
    try {
      parseQuery(expression);
    } catch (err) {
      return err as KubeSbomError;
    }
    throw new Error(`no error for ${expression}`);
  };
  it.each([
    ['', 'QUERY_SYNTAX', 'empty expression', 1],
    ['type:package colour:red', 'QUERY_SYNTAX', 'unknown field "colour"', 14],
    ['name:kube AND', 'QUERY_SYNTAX', 'AND must be followed', 11],
    ['AND name:x', 'QUERY_SYNTAX', 'AND must stand between', 1],
    ['name:(', 'QUERY_SYNTAX', 'invalid regular expression', 6],
    ['type:directory', 'QUERY_SYNTAX', 'expected package, file or snippet', 6],
    ['depth:-1', 'QUERY_SYNTAX', 'whole number', 7],
    ['checksum:xyz', 'QUERY_SYNTAX', 'hex digits', 10],
    ['purl:oci/pause', 'QUERY_SYNTAX', 'starts with pkg:', 6],
    ['name:"unterminated', 'QUERY_SYNTAX', 'unterminated double quote', 6],
    ['kube-apiserver', 'QUERY_SYNTAX', 'expected field:value', 1],
  ])('%j is a usage error (exit 2) naming the column', (expression, code, why, column) => {
    const err = error(expression);
    expect(err.code).toBe(code);
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain(why);
    expect(err.message).toMatch(new RegExp(`at column ${column}$`));
  });
});

describe('query results output', () => {
  it('never passes escape sequences from a document to the terminal', () => {
    const hostile = doc({ packages: [pkg('SPDXRef-x', 'evil\u001b]0;owned\u0007\u001b[2Jname\tcol')] });
    const i = new DocumentIndex(hostile);
    const text = renderQueryResults('text', query('type:package', i, new RelationshipGraph(i)), ['name'], 'type:package');
    expect(text).toBe('evilname col\n');
    const csv = renderQueryResults('csv', query('type:package', i, new RelationshipGraph(i)), ['name'], 'type:package');
    expect(csv).toBe('name\r\nevilname\tcol\r\n');
  });
  const matches = query('type:package', index, graph);
  it('writes CSV with RFC 4180 quoting and JSON with the chosen fields', () => {
    const csv = renderQueryResults('csv', matches, ['spdxId', 'checksums'], 'type:package');
    expect(csv.split('\r\n')[0]).toBe('spdxId,checksums');
    expect(csv).toContain('SPDXRef-img,SHA1:ffff SHA256:abcdef0123\r\n');
    const json = JSON.parse(renderQueryResults('json', matches, DEFAULT_FIELDS, 'type:package'));
    expect(json.count).toBe(4);
    expect(json.results.map((r: { spdxId: string }) => r.spdxId)).toEqual(['SPDXRef-go', 'SPDXRef-img', 'SPDXRef-layer', 'SPDXRef-pause']);
    expect(json.results[1]).toEqual({ type: 'package', spdxId: 'SPDXRef-img', name: 'kube-apiserver.tar', version: '' });
  });
});

const EXAMPLES = [
  'SPDXTagExample-v2.3.spdx',
  'SPDXJSONExample-v2.3.spdx.json',
  'SPDXYAMLExample-2.3.spdx.yaml',
  'SPDXXMLExample-v2.3.spdx.xml',
  'SPDXRdfExample-v2.3.spdx.rdf.xml',
];
// Licenses are kept as each format writes them (RDF writes the expression as structure), so they are left out.
const FIELDS = ELEMENT_FIELDS.filter((f) => f !== 'line' && f !== 'licenseConcluded' && f !== 'licenseDeclared');

describe.skipIf(realdataMissing)('query on the official SPDX 2.3 example in all five formats', () => {
  const indexes = EXAMPLES.map((name) => {
    const path = realdata('spdx', 'official', '2.3', name);
    const i = new DocumentIndex(parseSbom(readFileSync(path), { fileName: path }).document);
    return { index: i, graph: new RelationshipGraph(i) };
  });
  const run = (n: number, expression: string) => renderQueryResults('csv', query(expression, indexes[n]!.index, indexes[n]!.graph), FIELDS, expression);

  it.each(['depth:1', 'rel:CONTAINS', 'type:file checksum:d6a7', 'name:^J', 'purl:pkg:maven/*'])(
    '%s matches the snapshot and is equal in every format',
    async (expression) => {
      const first = run(0, expression);
      expect(first.split('\r\n').length).toBeGreaterThan(2);
      await expect(first).toMatchFileSnapshot(`__snapshots__/query-2.3-${expression.replace(/[^a-z0-9]+/gi, '_')}.csv`);
      for (let n = 1; n < EXAMPLES.length; n++) expect(run(n, expression), EXAMPLES[n]).toBe(first);
    },
  );
});
