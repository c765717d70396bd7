// Package, file and snippet rules: SPDXID syntax and uniqueness, required fields per version, checksums,
// verification codes, external references, 2.3-only fields in older documents, snippet ranges.
import { FILE_TYPES, PRIMARY_PACKAGE_PURPOSES, type Element, type Package, type Snippet, type SpdxFile } from '../../../parsers/model.js';
import { checkChecksum } from './checksums.js';
import { q, SPDX_ID, type Validation } from './context.js';
import { checkActor, checkAnnotations, checkDate } from './document.js';
import { checkLicense, checkLicenses } from './licenses.js';

const CATEGORIES = new Set(['SECURITY', 'PACKAGE-MANAGER', 'PERSISTENT-ID', 'OTHER']);
const LOCATOR_FORMATS: Record<string, RegExp> = {
  purl: /^pkg:[A-Za-z.+-]+\/\S+$/,
  // A CPE 2.3 component may hold an escaped colon (`1\:2.33` for a Debian epoch), so `\x` is one character.
  cpe23Type: /^cpe:2\.3:[aho*-](:(?:\\\S|[^:\s\\])*){10}$/,
  cpe22Type: /^cpe:\/[aho]?(:[^:\s]*){0,6}$/i,
};
const PURPOSES: ReadonlySet<string> = new Set(PRIMARY_PACKAGE_PURPOSES);
const KNOWN_FILE_TYPES: ReadonlySet<string> = new Set(FILE_TYPES);

/** Checks every element; returns the SPDXIDs the document defines (for relationship targets). */
export function checkElements(v: Validation, declaredLicenses: ReadonlySet<string>): Set<string> {
  const ids = new Set<string>([v.doc.spdxId]);
  const visit = (e: Element, path: string) => {
    if (!e.spdxId) v.error('MISSING_SPDXID', `${e.elementType} has no SPDXID`, `${path}.SPDXID`, e.position);
    else if (!SPDX_ID.test(e.spdxId)) v.error('INVALID_SPDXID', `${q(e.spdxId)} is not of the form SPDXRef-[A-Za-z0-9.-]+`, `${path}.SPDXID`, e.position);
    if (e.spdxId && ids.has(e.spdxId)) v.error('DUPLICATE_SPDXID', `SPDXID ${e.spdxId} is used by more than one element`, `${path}.SPDXID`, e.position);
    ids.add(e.spdxId);
    checkAnnotations(v, e.annotations, `${path}.annotations`);
  };
  v.doc.packages.forEach((p, i) => {
    visit(p, `packages[${i}]`);
    checkPackage(v, p, `packages[${i}]`, declaredLicenses);
  });
  v.doc.files.forEach((f, i) => {
    visit(f, `files[${i}]`);
    checkFile(v, f, `files[${i}]`, declaredLicenses);
  });
  v.doc.snippets.forEach((s, i) => {
    visit(s, `snippets[${i}]`);
    checkSnippet(v, s, `snippets[${i}]`, declaredLicenses);
  });
  // Snippets point into files that must exist in this document.
  const fileIds = new Set(v.doc.files.map((f) => f.spdxId));
  v.doc.snippets.forEach((s, i) => {
    if (s.fromFile && !fileIds.has(s.fromFile))
      v.error(
        'SNIPPET_FILE_UNKNOWN',
        `snippet ${s.spdxId} is from ${q(s.fromFile)}, which is not a file of this document`,
        `snippets[${i}].snippetFromFile`,
        s.position,
      );
  });
  return ids;
}

function required(v: Validation, present: boolean, what: string, field: string, e: Element, path: string, since22Only = false): void {
  if (present) return;
  const why = since22Only ? ` (required in ${v.rules.written}; optional from SPDX 2.3)` : '';
  v.error('MISSING_REQUIRED_FIELD', `${what} ${e.spdxId || '(no SPDXID)'} has no ${field}${why}`, `${path}.${field}`, e.position);
}

function checkPackage(v: Validation, p: Package, path: string, declared: ReadonlySet<string>): void {
  const at = p.position;
  required(v, !!p.name, 'package', 'name', p, path);
  required(v, p.downloadLocation !== undefined && p.downloadLocation !== '', 'package', 'downloadLocation', p, path);
  const analyzed = p.filesAnalyzed ?? true;
  if (v.rules.strictLicensing) {
    required(v, p.licenseConcluded !== undefined, 'package', 'licenseConcluded', p, path, true);
    required(v, p.licenseDeclared !== undefined, 'package', 'licenseDeclared', p, path, true);
    required(v, p.copyrightText !== undefined, 'package', 'copyrightText', p, path, true);
    if (analyzed) {
      required(v, p.verificationCode !== undefined, 'package', 'packageVerificationCode', p, path, true);
      required(v, p.licenseInfoFromFiles.length > 0, 'package', 'licenseInfoFromFiles', p, path, true);
    }
  }
  if (p.verificationCode) {
    if (!analyzed)
      v.error('VERIFICATION_CODE_UNEXPECTED', `package ${p.spdxId} has filesAnalyzed false but a verification code`, `${path}.packageVerificationCode`, at);
    if (!/^[0-9a-f]{40}$/.test(p.verificationCode.value)) {
      v.error(
        'VERIFICATION_CODE_FORMAT',
        `verification code ${q(p.verificationCode.value)} is not 40 hex digits (SHA1)`,
        `${path}.packageVerificationCode`,
        at,
      );
    }
  }
  p.checksums.forEach((c, i) => checkChecksum(v, c, `${path}.checksums[${i}]`, at));
  for (const [actor, field] of [
    [p.supplier, 'supplier'],
    [p.originator, 'originator'],
  ] as const) {
    if (actor && !('kind' in actor)) checkActor(v, actor, `${path}.${field}`);
  }
  checkLicense(v, p.licenseConcluded, declared, `${path}.licenseConcluded`, at);
  checkLicense(v, p.licenseDeclared, declared, `${path}.licenseDeclared`, at);
  checkLicenses(v, p.licenseInfoFromFiles, declared, `${path}.licenseInfoFromFiles`, at);
  p.externalRefs.forEach((r, i) => {
    const refPath = `${path}.externalRefs[${i}]`;
    if (!CATEGORIES.has(r.category))
      v.error('EXTERNAL_REF_CATEGORY', `external reference category ${q(r.category)} is not SECURITY, PACKAGE-MANAGER, PERSISTENT-ID or OTHER`, refPath, at);
    const format = LOCATOR_FORMATS[r.type];
    if (format && !format.test(r.locator)) v.error('EXTERNAL_REF_LOCATOR', `${r.type} locator ${q(r.locator)} is malformed`, `${refPath}.referenceLocator`, at);
  });
  const added23: [unknown, string][] = [
    [p.primaryPackagePurpose, 'primaryPackagePurpose'],
    [p.releaseDate, 'releaseDate'],
    [p.builtDate, 'builtDate'],
    [p.validUntilDate, 'validUntilDate'],
  ];
  for (const [value, field] of added23) {
    if (value === undefined) continue;
    if (!v.rules.allows23) v.error('VERSION_FIELD', `${field} was added in SPDX 2.3; this document says ${v.rules.written}`, `${path}.${field}`, at);
    else if (field === 'primaryPackagePurpose') {
      if (!PURPOSES.has(value as string))
        v.error('ENUM_UNKNOWN', `primaryPackagePurpose ${q(value as string)} is not one SPDX defines`, `${path}.${field}`, at);
    } else checkDate(v, value as string, `${path}.${field}`, at);
  }
}

function checkFile(v: Validation, f: SpdxFile, path: string, declared: ReadonlySet<string>): void {
  const at = f.position;
  required(v, !!f.name, 'file', 'fileName', f, path);
  if (!f.checksums.some((c) => c.algorithm === 'SHA1')) {
    v.error('MISSING_SHA1', `file ${f.spdxId} has no SHA1 checksum (SPDX requires one for every file)`, `${path}.checksums`, at);
  }
  f.checksums.forEach((c, i) => checkChecksum(v, c, `${path}.checksums[${i}]`, at));
  f.fileTypes.forEach((t, i) => {
    if (!KNOWN_FILE_TYPES.has(t)) v.error('ENUM_UNKNOWN', `file type ${q(t)} is not one SPDX defines`, `${path}.fileTypes[${i}]`, at);
  });
  if (v.rules.strictLicensing) {
    required(v, f.licenseConcluded !== undefined, 'file', 'licenseConcluded', f, path, true);
    required(v, f.licenseInfoInFiles.length > 0, 'file', 'licenseInfoInFiles', f, path, true);
    required(v, f.copyrightText !== undefined, 'file', 'copyrightText', f, path, true);
  }
  checkLicense(v, f.licenseConcluded, declared, `${path}.licenseConcluded`, at);
  checkLicenses(v, f.licenseInfoInFiles, declared, `${path}.licenseInfoInFiles`, at);
}

function checkSnippet(v: Validation, s: Snippet, path: string, declared: ReadonlySet<string>): void {
  const at = s.position;
  required(v, !!s.fromFile, 'snippet', 'snippetFromFile', s, path);
  if (!s.ranges.some((r) => r.kind === 'byte')) v.error('MISSING_REQUIRED_FIELD', `snippet ${s.spdxId} has no byte range`, `${path}.ranges`, at);
  s.ranges.forEach((r, i) => {
    if (r.start < 1 || r.end < r.start)
      v.error('SNIPPET_RANGE', `${r.kind} range ${r.start}:${r.end} must start at 1 or later and not end before it starts`, `${path}.ranges[${i}]`, at);
  });
  if (v.rules.strictLicensing) {
    required(v, s.licenseConcluded !== undefined, 'snippet', 'licenseConcluded', s, path, true);
    required(v, s.copyrightText !== undefined, 'snippet', 'copyrightText', s, path, true);
  }
  checkLicense(v, s.licenseConcluded, declared, `${path}.licenseConcluded`, at);
  checkLicenses(v, s.licenseInfoInSnippets, declared, `${path}.licenseInfoInSnippets`, at);
}
