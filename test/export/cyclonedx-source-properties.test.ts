// A CycloneDX document exported again as CycloneDX keeps what the reader held as properties: group, scope,
// publisher and author in their component fields, a type SPDX has no purpose for (platform), and the generating
// tool's own properties, and every bom-ref as written; the result still validates against the official 1.6 schema.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';
import { documentToCycloneDx } from '../../src/export/cyclonedx-bom.js';
import type { CdxComponent } from '../../src/export/cyclonedx-components.js';
import { realdata, realdataMissing } from '../helpers/cli.js';
import { validateCycloneDx } from '../helpers/json-schemas.js';

interface SourceComponent {
  name: string;
  'bom-ref'?: string;
  type: string;
  group?: string;
  scope?: string;
  publisher?: string;
  properties?: { name: string; value: string }[];
  components?: SourceComponent[];
}

const flatten = (list: SourceComponent[]): SourceComponent[] => list.flatMap((c) => [c, ...flatten(c.components ?? [])]);

function exported(...path: string[]) {
  const file = realdata('cyclonedx', ...path);
  const source = JSON.parse(readFileSync(file, 'utf8')) as { metadata: { component?: SourceComponent }; components: SourceComponent[] };
  const out = documentToCycloneDx(parseSbom(readFileSync(file), { fileName: file }).document);
  expect(validateCycloneDx(JSON.parse(out.text))).toEqual([]);
  const sourceComponents = flatten([...(source.metadata.component ? [source.metadata.component] : []), ...source.components]);
  return { sourceComponents, components: out.bom.components as CdxComponent[], notExpressed: out.notExpressed };
}

describe.skipIf(realdataMissing)('export --format cyclonedx-json of a CycloneDX document', () => {
  it('keeps group, scope and publisher (CycloneDX 1.6 example BOM)', () => {
    const { sourceComponents, components } = exported('cyclonedx-spec', 'valid-bom-1.6.json');
    const fields = (c: { name: string; group?: string; scope?: string; publisher?: string }) => [c.name, c.group, c.scope, c.publisher];
    const withGroup = sourceComponents.filter((c) => c.group !== undefined);
    expect(withGroup.length).toBeGreaterThan(0);
    for (const c of withGroup) expect(components.map(fields)).toContainEqual(fields(c));
  });

  it("keeps trivy's properties and the platform type of a Kubernetes cluster BOM", () => {
    const { sourceComponents, components, notExpressed } = exported('trivy', 'minikube-kbom.cdx-1.5.json');
    const trivy = (list: { properties?: { name: string; value: string }[] }[]) =>
      list.flatMap((c) => (c.properties ?? []).filter((p) => p.name.startsWith('aquasecurity:trivy:')).map((p) => `${p.name}=${p.value}`)).sort();
    expect(trivy(components)).toEqual(trivy(sourceComponents));
    const platforms = sourceComponents.filter((c) => c.type === 'platform').map((c) => c.name);
    expect(platforms).toHaveLength(2);
    expect(components.filter((c) => c.type === 'platform').map((c) => c.name)).toEqual(platforms);
    expect(notExpressed.map((e) => e.kind)).not.toContain('primaryPackagePurpose OTHER');
    // Each component keeps the bom-ref it was given: the reader knows elements by it, and the dependencies name it.
    expect(components.map((c) => c['bom-ref']).sort()).toEqual(sourceComponents.map((c) => c['bom-ref']).sort());
  });
});
