// Every official and real-world SPDX document we hold, written as CycloneDX 1.6, validates against the official schema.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';
import { documentToCycloneDx } from '../../src/export/cyclonedx-bom.js';
import { realdata, realdataMissing } from '../helpers/cli.js';
import { validateCycloneDx } from '../helpers/json-schemas.js';

function spdxFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return spdxFilesUnder(path);
    return /\.(spdx|json|yaml|xml|rdf)$/.test(name) && !name.startsWith('spdx-schema') ? [path] : [];
  });
}

describe.skipIf(realdataMissing)('CycloneDX 1.6 output of real documents', () => {
  const files = realdataMissing
    ? []
    : [
        ...spdxFilesUnder(realdata('spdx', 'official', '2.2')),
        ...spdxFilesUnder(realdata('spdx', 'official', '2.3')),
        ...spdxFilesUnder(realdata('spdx', 'official', 'spdx-examples')),
        ...spdxFilesUnder(realdata('spdx', 'real-world')),
        ...spdxFilesUnder(realdata('k8s', 'release-sbom')),
        ...spdxFilesUnder(realdata('k8s', 'bom-image-sbom')),
      ];

  it.each(files)('%s', (path) => {
    const { document } = parseSbom(readFileSync(path), { fileName: path });
    const out = documentToCycloneDx(document);
    expect(validateCycloneDx(JSON.parse(out.text))).toEqual([]);
    const listed = out.notExpressed.filter((e) => e.kind.startsWith('element with')).reduce((n, e) => n + e.count, 0);
    expect((out.bom.components as unknown[]).length + listed).toBe(document.packages.length + document.files.length);
  });
});
