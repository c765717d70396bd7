// SPDX 3 relationship types as SPDX 2 types, after the SPDX 2.3 -> 3.0 migration table (spdx/using,
// diffs-from-previous-editions.md, "Relationship"), read backwards: `swap` where that table swaps from and to.
import { RELATIONSHIP_TYPES } from '../model.js';
import { upperDashed } from './elements.js';

export interface Spdx2Type {
  type: string;
  /** SPDX 2 reads the other way round: the SPDX 3 `to` is the SPDX 2 `from`. */
  swap: boolean;
  /** The SPDX 3 type, kept where SPDX 2 spells it differently (`spdx3:hasDataFile`). */
  comment?: string;
}

const KNOWN_TYPES = new Set<string>(RELATIONSHIP_TYPES);

// Types whose SPDX 2 counterpart has another name; same-named ones (dependsOn, contains, generates, ancestorOf,
// descendantOf, hasPrerequisite, describes, other) need no entry.
const RENAMED = new Map<string, { type: string; swap: boolean }>(
  Object.entries({
    amendedBy: { type: 'AMENDS', swap: true },
    copiedTo: { type: 'COPY_OF', swap: true },
    expandsTo: { type: 'EXPANDED_FROM_ARCHIVE', swap: true },
    hasAddedFile: { type: 'FILE_ADDED', swap: true },
    hasDataFile: { type: 'DATA_FILE_OF', swap: true },
    hasDeletedFile: { type: 'FILE_DELETED', swap: true },
    hasDependencyManifest: { type: 'DEPENDENCY_MANIFEST_OF', swap: true },
    hasDistributionArtifact: { type: 'DISTRIBUTION_ARTIFACT', swap: false },
    hasDocumentation: { type: 'DOCUMENTATION_OF', swap: true },
    // The migration table (and the SPDX Java converter, whose output the spdx-examples are) swaps DYNAMIC_LINK but
    // not STATIC_LINK; reading it back the same way gives the SPDX 2 originals of those examples again.
    hasDynamicLink: { type: 'DYNAMIC_LINK', swap: true },
    hasExample: { type: 'EXAMPLE_OF', swap: true },
    hasMetadata: { type: 'METAFILE_OF', swap: true },
    hasOptionalComponent: { type: 'OPTIONAL_COMPONENT_OF', swap: true },
    hasOptionalDependency: { type: 'OPTIONAL_DEPENDENCY_OF', swap: true },
    hasProvidedDependency: { type: 'PROVIDED_DEPENDENCY_OF', swap: true },
    hasRequirement: { type: 'REQUIREMENT_DESCRIPTION_FOR', swap: true },
    hasSpecification: { type: 'SPECIFICATION_FOR', swap: true },
    hasStaticLink: { type: 'STATIC_LINK', swap: false },
    hasTest: { type: 'TEST_OF', swap: true },
    hasTestCase: { type: 'TEST_CASE_OF', swap: true },
    hasVariant: { type: 'VARIANT_OF', swap: true },
    modifiedBy: { type: 'FILE_MODIFIED', swap: false },
    packagedBy: { type: 'PACKAGE_OF', swap: true },
    // PATCH_FOR and PATCH_APPLIED both became patchedBy; whether the patch was applied is not said, so PATCH_FOR.
    patchedBy: { type: 'PATCH_FOR', swap: true },
  }),
);

// SPDX 2 has a tool type only per lifecycle: usesTool without one of these scopes has no counterpart.
const TOOL_BY_SCOPE = new Map([
  ['build', 'BUILD_TOOL_OF'],
  ['development', 'DEV_TOOL_OF'],
  ['test', 'TEST_TOOL_OF'],
]);

/** `hasDataFile` -> `HAS_DATA_FILE`; SPDX 2 spellings (sbom-tool writes DEPENDS_ON) as written. */
export function upperSnake(written: string): string {
  return /^[A-Z_]+$/.test(written) ? written : upperDashed(written).replace(/-/g, '_');
}

/** The SPDX 2 type for an SPDX 3 `relationshipType` (and a LifecycleScopedRelationship's `scope`), or it as written. */
export function spdx2RelationshipType(written: string, scope: string | undefined): Spdx2Type {
  // Maps, not objects: a type written `constructor` must not find Object.prototype.
  const renamed = RENAMED.get(written);
  if (renamed) return { ...renamed, comment: `spdx3:${written}` };
  const tool = written === 'usesTool' && scope !== undefined ? TOOL_BY_SCOPE.get(scope.replace(/^.*\//, '')) : undefined;
  if (tool) return { type: tool, swap: true, comment: 'spdx3:usesTool' };
  const upper = upperSnake(written);
  return { type: KNOWN_TYPES.has(upper) ? upper : written, swap: false };
}
