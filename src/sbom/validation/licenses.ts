// License fields: valid expression syntax (error), deprecated or mis-cased ids (warning), LicenseRef- ids that
// the document does not declare in its extracted licensing info (error).
import { licenseProblems } from '../../../parsers/license-checks.js';
import type { LicenseExpression, LicenseNode, SourcePosition, Spdx } from '../../../parsers/model.js';
import { q, type Validation } from './context.js';

export function checkLicense(
  v: Validation,
  value: Spdx<LicenseExpression> | undefined,
  declared: ReadonlySet<string>,
  path: string,
  position?: SourcePosition,
): void {
  if (value === undefined || 'kind' in value) return;
  for (const problem of licenseProblems(value)) {
    v.add(problem.code === 'LICENSE_EXPRESSION_INVALID' ? 'error' : 'warning', problem.code, problem.message, path, position);
  }
  if (!value.parsed) return;
  for (const ref of licenseRefs(value.parsed)) {
    if (!declared.has(ref)) {
      v.error('LICENSE_REF_UNDECLARED', `${q(ref)} is used but not declared in hasExtractedLicensingInfos / LicenseID`, path, position);
    }
  }
}

export function checkLicenses(v: Validation, values: Spdx<LicenseExpression>[], declared: ReadonlySet<string>, path: string, position?: SourcePosition): void {
  for (let i = 0; i < values.length; i++) checkLicense(v, values[i], declared, `${path}[${i}]`, position);
}

/** LicenseRef- ids of this document (those with a DocumentRef- prefix live elsewhere). */
function licenseRefs(node: LicenseNode): string[] {
  if (node.type === 'licenseRef') return node.documentRef ? [] : [node.id];
  if (node.type === 'and' || node.type === 'or') return [...licenseRefs(node.left), ...licenseRefs(node.right)];
  return [];
}
