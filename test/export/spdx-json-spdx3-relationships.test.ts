// An SPDX 3 source written as SPDX 2.3 JSON keeps the relationships SPDX 2 has a type for (hasDataFile as
// DATA_FILE_OF, hasDynamicLink as DYNAMIC_LINK, ...); only the SPDX 3-only types (trainedOn, testedOn) are dropped.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';
import type { SpdxDocument } from '../../parsers/model.js';
import { documentToSpdxJson } from '../../src/export/spdx-json.js';
import { realdata, realdataMissing } from '../helpers/cli.js';

const examples = (...parts: string[]) => realdata('spdx', 'official', ...parts);
const read = (path: string) => parseSbom(readFileSync(path), { fileName: path }).document;

/** Relationships as `from-name TYPE to-name`, so documents with different SPDXIDs compare. */
function named(doc: SpdxDocument, types: readonly string[]): string[] {
  const names = new Map([...doc.packages, ...doc.files].map((e) => [e.spdxId, e.name]));
  return doc.relationships
    .filter((r) => types.includes(r.type))
    .map((r) => `${names.get(r.from)} ${r.type} ${typeof r.to === 'string' ? names.get(r.to) : r.to.kind}`)
    .sort();
}

describe.skipIf(realdataMissing)('export --format spdx-json of an SPDX 3 document', () => {
  it('keeps hasDataFile, hasDependencyManifest and hasDocumentation of the AI example (20 of 28 relationships before, 25 now)', () => {
    const doc = read(examples('3.0', 'spdx-examples', 'ai', 'example02', 'spdx3.0', 'sbom.spdx3.json'));
    const out = documentToSpdxJson(doc);
    expect(doc.relationships).toHaveLength(28);
    expect(out.json.relationships).toHaveLength(25);
    expect(out.json.relationships).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ relationshipType: 'DATA_FILE_OF', comment: 'spdx3:hasDataFile' }),
        expect.objectContaining({ relationshipType: 'DEPENDENCY_MANIFEST_OF', comment: 'spdx3:hasDependencyManifest' }),
        expect.objectContaining({ relationshipType: 'DOCUMENTATION_OF', comment: 'spdx3:hasDocumentation' }),
      ]),
    );
    const dropped = out.notExpressed.filter((e) => e.kind.startsWith('relationship'));
    expect(dropped.map((e) => [e.kind, e.count])).toEqual([
      ['relationship of the unknown type testedOn', 1],
      ['relationship of the unknown type trainedOn', 2],
    ]);
  });

  it('reads the enriched Maven example back as its SPDX 2.3 original says, and writes all 11 relationships (5 before)', () => {
    const spdx3 = read(examples('3.0', 'spdx-examples', 'example14', 'spdx3.0', 'examplemaven-0.0.1-enriched.spdx3.json'));
    const spdx2 = read(examples('spdx-examples', 'example14', 'spdx2.3', 'examplemaven-0.0.1-enriched.spdx.json'));
    // The SPDX 3 file was converted from the SPDX 2.3 one, turning DYNAMIC_LINK and TEST_CASE_OF round.
    const types = ['DYNAMIC_LINK', 'TEST_CASE_OF'];
    expect(named(spdx3, types)).toHaveLength(5);
    expect(named(spdx3, types)).toEqual(named(spdx2, types));
    const out = documentToSpdxJson(spdx3);
    expect(out.json.relationships).toHaveLength(11);
    expect(out.notExpressed.filter((e) => e.kind.startsWith('relationship'))).toEqual([]);
  });
});
