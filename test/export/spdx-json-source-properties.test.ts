// A CycloneDX source written as SPDX 2.3 JSON: SPDX 2 has no properties, so every one the model holds is listed as
// not written (none disappears silently), counted the way an independent walk of the source JSON counts them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';
import { documentToSpdxJson } from '../../src/export/spdx-json.js';
import { realdata, realdataMissing } from '../helpers/cli.js';

interface Component {
  properties?: { name: string; value: string }[];
  components?: Component[];
}

function trivyProperties(list: Component[]): number {
  return list.reduce(
    (n, c) => n + (c.properties ?? []).filter((p) => p.name.startsWith('aquasecurity:trivy:')).length + trivyProperties(c.components ?? []),
    0,
  );
}

describe.skipIf(realdataMissing)('export --format spdx-json of a CycloneDX document', () => {
  it('lists the component properties it cannot write (trivy image: RepoTag, ImageID, layer digests, ...)', () => {
    const path = realdata('cyclonedx', 'trivy', 'centos-7-image.cdx-1.5.json');
    const bom = JSON.parse(readFileSync(path, 'utf8')) as { metadata: { component: Component }; components: Component[] };
    const expected = trivyProperties([bom.metadata.component, ...bom.components]);
    expect(expected).toBeGreaterThan(0);

    const out = documentToSpdxJson(parseSbom(readFileSync(path), { fileName: path }).document);
    const listed = out.notExpressed.find((e) => e.kind === 'package property aquasecurity:trivy:*');
    expect(listed).toMatchObject({ how: 'dropped', count: expected, reason: 'SPDX 2.3 has no properties' });
    // A component type that primaryPackagePurpose states exactly (library, container, ...) is not listed as lost.
    expect(out.notExpressed.map((e) => e.kind)).not.toContain('package property cyclonedx:type');
    // The serial number is the document namespace the writer keeps.
    expect(out.notExpressed.map((e) => e.kind)).not.toContain('document property cyclonedx:serialNumber');
  });
});
