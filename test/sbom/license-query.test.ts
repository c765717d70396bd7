// `license:ID` finds elements by the licenses they conclude, declare or were found to contain: the same answer in
// every format of a document, case-insensitive, with wildcards; ids are read from invalid expressions too.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';
import { KubeSbomError } from '../../src/common/errors.js';
import { DocumentIndex } from '../../src/sbom/document-index.js';
import { elementField } from '../../src/sbom/element-fields.js';
import { licenseIdsOf } from '../../src/sbom/license-ids.js';
import { query } from '../../src/sbom/query.js';
import { parseQuery } from '../../src/sbom/query-parse.js';
import { RelationshipGraph } from '../../src/sbom/relationship-graph.js';
import { realdata, realdataMissing } from '../helpers/cli.js';

const EXAMPLES = [
  'SPDXTagExample-v2.3.spdx',
  'SPDXJSONExample-v2.3.spdx.json',
  'SPDXYAMLExample-2.3.spdx.yaml',
  'SPDXXMLExample-v2.3.spdx.xml',
  'SPDXRdfExample-v2.3.spdx.rdf.xml',
];

function run(name: string, expression: string): string[] {
  const { document } = parseSbom(readFileSync(realdata('spdx', 'official', '2.3', name)), { fileName: name });
  const index = new DocumentIndex(document);
  return query(expression, index, new RelationshipGraph(index)).map((e) => e.spdxId);
}

describe.skipIf(realdataMissing)('query license:ID on the official 2.3 example', () => {
  it('gives the same elements in all five formats', () => {
    for (const expression of ['license:GPL-2.0-only', 'license:LicenseRef-*', 'license:noassertion', 'license:Apache-2.0 type:file']) {
      const answers = EXAMPLES.map((name) => run(name, expression));
      for (const answer of answers) expect(answer, expression).toEqual(answers[0]);
    }
    expect(run(EXAMPLES[0]!, 'license:GPL-2.0-only')).toContain('SPDXRef-Snippet');
    expect(run(EXAMPLES[0]!, 'license:lgpl-2.0-ONLY')).toEqual(run(EXAMPLES[0]!, 'license:LGPL-2.0-only'));
    expect(run(EXAMPLES[0]!, 'license:LGPL-2.0-only')).toContain('SPDXRef-Package');
    expect(run(EXAMPLES[0]!, 'license:MIT-NOT-A-LICENSE')).toEqual([]);
  });

  it('prints licenseDeclared for packages and licenseConcluded for any element', () => {
    const { document } = parseSbom(readFileSync(realdata('spdx', 'official', '2.3', EXAMPLES[0]!)), { fileName: EXAMPLES[0]! });
    const glibc = document.packages.find((p) => p.spdxId === 'SPDXRef-Package')!;
    expect(elementField(glibc, 'licenseDeclared')).toBe('(LGPL-2.0-only AND LicenseRef-3)');
    expect(elementField(glibc, 'licenseConcluded')).toBe('(LGPL-2.0-only OR LicenseRef-3)');
    expect(elementField(document.files[0]!, 'licenseDeclared')).toBe('');
  });
});

describe('license ids', () => {
  it('are read from the words of an expression that does not parse', () => {
    const element = { elementType: 'package', licenseConcluded: { text: 'MIT AND AND (Apache-2.0' }, licenseInfoFromFiles: [] } as never;
    expect(licenseIdsOf(element).sort()).toEqual(['Apache-2.0', 'MIT']);
  });

  it('refuses a value that is not a license id, with its column', () => {
    expect(() => parseQuery('type:package license:MIT)')).toThrow(KubeSbomError);
    expect(() => parseQuery('type:package license:MIT)')).toThrow(/column 22/);
  });
});
