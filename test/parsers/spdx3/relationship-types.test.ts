// SPDX 3 relationship types with an SPDX 2 counterpart of another name read as that type, turned round where the
// SPDX 2.3 -> 3.0 migration table swaps from and to, with the SPDX 3 type kept in the comment.
import { describe, expect, it } from 'vitest';
import { parseSbom } from '../../../parsers/index.js';

const ci = '_:ci';

/** `app <type> lib` (scoped when `scope` is given), read into the model; DESCRIBES of the root left out. */
function read(relationships: { type: string; scope?: string; to?: string }[]) {
  const text = JSON.stringify({
    '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld',
    '@graph': [
      { '@id': ci, type: 'CreationInfo', specVersion: '3.0.1', created: '2024-01-01T00:00:00Z', createdBy: ['urn:p'] },
      { spdxId: 'urn:p', type: 'Person', name: 'Pat', creationInfo: ci },
      { spdxId: 'urn:doc', type: 'SpdxDocument', name: 'doc', rootElement: ['urn:app'], creationInfo: ci },
      { spdxId: 'urn:app', type: 'software_Package', name: 'app', creationInfo: ci },
      { spdxId: 'urn:lib', type: 'software_Package', name: 'lib', creationInfo: ci },
      ...relationships.map((r, i) => ({
        spdxId: `urn:r${i}`,
        type: r.scope ? 'LifecycleScopedRelationship' : 'Relationship',
        from: 'urn:app',
        relationshipType: r.type,
        to: [r.to ?? 'urn:lib'],
        ...(r.scope ? { scope: r.scope } : {}),
        creationInfo: ci,
      })),
    ],
  });
  const result = parseSbom(text);
  return result.document.relationships
    .filter((r) => r.type !== 'DESCRIBES')
    .map((r) => ({ from: r.from, type: r.type, to: typeof r.to === 'string' ? r.to : r.to.kind, comment: r.comment }));
}

const APP = 'SPDXRef-app';
const LIB = 'SPDXRef-lib';

describe('SPDX 3 relationship types as SPDX 2 types', () => {
  // [SPDX 3 type, scope, SPDX 2 type, swapped]: `app <SPDX 3 type> lib` is `lib <SPDX 2 type> app` when swapped.
  it.each([
    ['amendedBy', undefined, 'AMENDS', true],
    ['copiedTo', undefined, 'COPY_OF', true],
    ['expandsTo', undefined, 'EXPANDED_FROM_ARCHIVE', true],
    ['hasAddedFile', undefined, 'FILE_ADDED', true],
    ['hasDataFile', undefined, 'DATA_FILE_OF', true],
    ['hasDeletedFile', undefined, 'FILE_DELETED', true],
    ['hasDependencyManifest', undefined, 'DEPENDENCY_MANIFEST_OF', true],
    ['hasDistributionArtifact', undefined, 'DISTRIBUTION_ARTIFACT', false],
    ['hasDocumentation', undefined, 'DOCUMENTATION_OF', true],
    ['hasDynamicLink', undefined, 'DYNAMIC_LINK', true],
    ['hasExample', undefined, 'EXAMPLE_OF', true],
    ['hasMetadata', undefined, 'METAFILE_OF', true],
    ['hasOptionalComponent', undefined, 'OPTIONAL_COMPONENT_OF', true],
    ['hasOptionalDependency', undefined, 'OPTIONAL_DEPENDENCY_OF', true],
    ['hasProvidedDependency', undefined, 'PROVIDED_DEPENDENCY_OF', true],
    ['hasRequirement', undefined, 'REQUIREMENT_DESCRIPTION_FOR', true],
    ['hasSpecification', undefined, 'SPECIFICATION_FOR', true],
    ['hasStaticLink', undefined, 'STATIC_LINK', false],
    ['hasTest', undefined, 'TEST_OF', true],
    ['hasTestCase', undefined, 'TEST_CASE_OF', true],
    ['hasVariant', undefined, 'VARIANT_OF', true],
    ['modifiedBy', undefined, 'FILE_MODIFIED', false],
    ['packagedBy', undefined, 'PACKAGE_OF', true],
    ['patchedBy', undefined, 'PATCH_FOR', true],
    ['usesTool', 'build', 'BUILD_TOOL_OF', true],
    ['usesTool', 'development', 'DEV_TOOL_OF', true],
    ['usesTool', 'test', 'TEST_TOOL_OF', true],
  ] as const)('%s (scope %s) -> %s, swapped: %s', (spdx3, scope, spdx2, swapped) => {
    expect(read([{ type: spdx3, ...(scope ? { scope } : {}) }])).toEqual([
      { from: swapped ? LIB : APP, type: spdx2, to: swapped ? APP : LIB, comment: `spdx3:${spdx3}` },
    ]);
  });

  it('keeps as written what SPDX 2 has no type for, and a swapped type towards NONE, which SPDX 2 cannot turn round', () => {
    const none = 'https://spdx.org/rdf/3.0.1/terms/Core/NoneElement';
    expect(
      read([
        { type: 'trainedOn' },
        { type: 'constructor', scope: 'toString' },
        { type: 'usesTool' },
        { type: 'usesTool', scope: 'runtime' },
        { type: 'hasDataFile', to: none },
        { type: 'hasDataFile' },
      ]),
    ).toEqual([
      { from: APP, type: 'trainedOn', to: LIB, comment: undefined },
      { from: APP, type: 'constructor', to: LIB, comment: undefined },
      { from: APP, type: 'usesTool', to: LIB, comment: undefined },
      { from: APP, type: 'usesTool', to: LIB, comment: undefined },
      { from: APP, type: 'hasDataFile', to: 'NONE', comment: undefined },
      { from: LIB, type: 'DATA_FILE_OF', to: APP, comment: 'spdx3:hasDataFile' },
    ]);
  });
});
