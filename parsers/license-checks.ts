// What a lenient parser says about a license field it could still read: invalid syntax, deprecated ids, wrong case.
import { createRequire } from 'node:module';
import type { LicenseExpression, LicenseNode, Spdx } from './model.js';

const require = createRequire(import.meta.url);
const deprecatedIds = new Set<string>(require('spdx-license-ids/deprecated'));

export interface LicenseProblem {
  code: 'LICENSE_EXPRESSION_INVALID' | 'LICENSE_DEPRECATED_ID' | 'LICENSE_ID_CASE' | 'LICENSE_EXPRESSION_TOO_LONG';
  message: string;
}

/** Problems of one license value; empty for NONE, NOASSERTION and clean expressions. */
export function licenseProblems(value: Spdx<LicenseExpression>): LicenseProblem[] {
  if ('kind' in value) return [];
  if (!value.parsed) {
    return [
      {
        code: 'LICENSE_EXPRESSION_INVALID',
        message: `${quote(value.text)} is not a valid SPDX license expression (unknown id, or a LicenseRef- is missing?)`,
      },
    ];
  }
  const problems: LicenseProblem[] = [];
  visit(value.parsed, (node) => {
    if (node.type !== 'license') return;
    if (deprecatedIds.has(node.id)) {
      problems.push({ code: 'LICENSE_DEPRECATED_ID', message: `license id ${node.id} is deprecated in the SPDX license list` });
    }
    if (value.text.indexOf(node.id) === -1) {
      problems.push({ code: 'LICENSE_ID_CASE', message: `license id written in another case than ${node.id} in ${quote(value.text)}` });
    }
  });
  return problems;
}

function visit(node: LicenseNode, fn: (node: LicenseNode) => void): void {
  fn(node);
  if (node.type === 'and' || node.type === 'or') {
    visit(node.left, fn);
    visit(node.right, fn);
  }
}

/** Quotes a document value for a message, cut short so a huge value never floods a diagnostic. */
export function quote(value: string, max = 80): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(cut);
}
