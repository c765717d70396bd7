// Packages from their SPDX JSON objects (the field names of the 2.2 and 2.3 JSON schema).
import { EMPTY_LIST, type Annotation, type ExternalPackageRef, type Package, type PackageVerificationCode } from '../model.js';
import { annotationsOf } from './annotations.js';
import { checksums, lowerHex } from './checksums.js';
import type { ConvertContext } from './context.js';
import { def, spdxIdOf } from './element-common.js';
import { EXTERNAL_REF_CATEGORIES, EXTERNAL_REF_KEYS, PACKAGE_KEYS, PURPOSES, VERIFICATION_CODE_KEYS } from './fields.js';
import {
  actor,
  at,
  bool,
  date,
  enumValue,
  isObject,
  license,
  licenseList,
  objList,
  requireField,
  show,
  spdxStr,
  str,
  strList,
  unknownKey,
  type Obj,
} from './values.js';

export function convertPackage(ctx: ConvertContext, obj: Obj, base: string, sink: Annotation[]): Package {
  const spdxId = spdxIdOf(ctx, obj, base, 'package');
  // Direct reads into one object literal: one shape for every package, no property storage reallocated, and
  // unknown keys looked for only when the key count says there are some (see convertFile).
  const o = obj;
  const pkg: Package = {
    elementType: 'package',
    spdxId,
    name: (typeof o.name === 'string' ? o.name : str(ctx, o.name, base, 'name')) ?? '',
    annotations: o.annotations === undefined ? EMPTY_LIST : annotationsOf(ctx, o.annotations, at(base, 'annotations'), spdxId, sink),
    attributionTexts: o.attributionTexts === undefined ? EMPTY_LIST : strList(ctx, o.attributionTexts, base, 'attributionTexts'),
    checksums: o.checksums === undefined ? EMPTY_LIST : checksums(ctx, o.checksums, base, 'checksums'),
    licenseInfoFromFiles: o.licenseInfoFromFiles === undefined ? EMPTY_LIST : licenseList(ctx, o.licenseInfoFromFiles, base, 'licenseInfoFromFiles'),
    externalRefs: o.externalRefs === undefined ? EMPTY_LIST : externalRefs(ctx, o.externalRefs, at(base, 'externalRefs')),
    version: o.versionInfo === undefined ? undefined : str(ctx, o.versionInfo, base, 'versionInfo'),
    fileName: o.packageFileName === undefined ? undefined : str(ctx, o.packageFileName, base, 'packageFileName'),
    supplier: o.supplier === undefined ? undefined : actor(ctx, o.supplier, base, 'supplier'),
    originator: o.originator === undefined ? undefined : actor(ctx, o.originator, base, 'originator'),
    downloadLocation: o.downloadLocation === undefined ? undefined : spdxStr(ctx, o.downloadLocation, base, 'downloadLocation'),
    filesAnalyzed: o.filesAnalyzed === undefined ? undefined : bool(ctx, o.filesAnalyzed, base, 'filesAnalyzed'),
    verificationCode: o.packageVerificationCode === undefined ? undefined : verificationCode(ctx, o.packageVerificationCode, base, 'packageVerificationCode'),
    homepage: o.homepage === undefined ? undefined : spdxStr(ctx, o.homepage, base, 'homepage'),
    sourceInfo: o.sourceInfo === undefined ? undefined : str(ctx, o.sourceInfo, base, 'sourceInfo'),
    licenseConcluded: o.licenseConcluded === undefined ? undefined : license(ctx, o.licenseConcluded, base, 'licenseConcluded'),
    licenseDeclared: o.licenseDeclared === undefined ? undefined : license(ctx, o.licenseDeclared, base, 'licenseDeclared'),
    licenseComments: o.licenseComments === undefined ? undefined : str(ctx, o.licenseComments, base, 'licenseComments'),
    copyrightText: o.copyrightText === undefined ? undefined : spdxStr(ctx, o.copyrightText, base, 'copyrightText'),
    summary: o.summary === undefined ? undefined : str(ctx, o.summary, base, 'summary'),
    description: o.description === undefined ? undefined : str(ctx, o.description, base, 'description'),
    comment: o.comment === undefined ? undefined : str(ctx, o.comment, base, 'comment'),
    primaryPackagePurpose:
      o.primaryPackagePurpose === undefined
        ? undefined
        : enumValue(ctx, o.primaryPackagePurpose, PURPOSES, 'primary package purpose', base, 'primaryPackagePurpose'),
    releaseDate: o.releaseDate === undefined ? undefined : date(ctx, o.releaseDate, base, 'releaseDate'),
    builtDate: o.builtDate === undefined ? undefined : date(ctx, o.builtDate, base, 'builtDate'),
    validUntilDate: o.validUntilDate === undefined ? undefined : date(ctx, o.validUntilDate, base, 'validUntilDate'),
    position: undefined,
  };
  if (!o.name) requireField(ctx, o.name, 'name', base, 'package');
  if (!o.downloadLocation) requireField(ctx, o.downloadLocation, 'downloadLocation', base, 'package');
  let present = 0;
  for (const key in o) present++;
  const known =
    def(o.SPDXID) +
    def(o.name) +
    def(o.annotations) +
    def(o.attributionTexts) +
    def(o.checksums) +
    def(o.licenseInfoFromFiles) +
    def(o.externalRefs) +
    def(o.versionInfo) +
    def(o.packageFileName) +
    def(o.supplier) +
    def(o.originator) +
    def(o.downloadLocation) +
    def(o.filesAnalyzed) +
    def(o.packageVerificationCode) +
    def(o.homepage) +
    def(o.sourceInfo) +
    def(o.licenseConcluded) +
    def(o.licenseDeclared) +
    def(o.licenseComments) +
    def(o.copyrightText) +
    def(o.summary) +
    def(o.description) +
    def(o.comment) +
    def(o.primaryPackagePurpose) +
    def(o.releaseDate) +
    def(o.builtDate) +
    def(o.validUntilDate) +
    def(o.hasFiles);
  if (present !== known) {
    for (const key in o) {
      if (key === 'fileName') {
        ctx.warn(`${ctx.format}_UNKNOWN_FIELD`, 'unknown package field "fileName" (did you mean packageFileName?); read as packageFileName', at(base, key));
        pkg.fileName ??= str(ctx, o.fileName, base, key);
      } else if (!PACKAGE_KEYS.has(key)) unknownKey(ctx, key, base);
    }
  }
  if (ctx.elementPositions) pkg.position = ctx.positionOf(base);
  return pkg;
}

function verificationCode(ctx: ConvertContext, value: unknown, base: string, key: string): PackageVerificationCode | undefined {
  if (!isObject(value)) {
    ctx.warn(`${ctx.format}_WRONG_TYPE`, `expected a package verification code object, found ${show(value)}`, at(base, key));
    return undefined;
  }
  const raw = value.packageVerificationCodeValue;
  const code = typeof raw === 'string' ? raw : str(ctx, raw, at(base, key), 'packageVerificationCodeValue');
  if (!code) requireField(ctx, code, 'packageVerificationCodeValue', at(base, key), 'package verification code');
  for (const k in value) if (!VERIFICATION_CODE_KEYS.has(k)) unknownKey(ctx, k, at(base, key));
  const excluded = value.packageVerificationCodeExcludedFiles;
  return {
    value: lowerHex(code ?? ''),
    excludedFiles: excluded === undefined ? EMPTY_LIST : strList(ctx, excluded, at(base, key), 'packageVerificationCodeExcludedFiles'),
  };
}

function isPlainRef(obj: Obj): boolean {
  let n = 0;
  for (const _ in obj) n++;
  const category = obj.referenceCategory;
  return (
    n === 3 &&
    typeof category === 'string' &&
    EXTERNAL_REF_CATEGORIES.has(category) &&
    typeof obj.referenceType === 'string' &&
    typeof obj.referenceLocator === 'string'
  );
}

function externalRefs(ctx: ConvertContext, value: unknown, path: string): ExternalPackageRef[] {
  const list = objList(ctx, value, path);
  // Hot path: plain references become an exactly sized array (see checksums()).
  if (list.every(isPlainRef)) {
    return list.map((obj) => ({ category: obj.referenceCategory as string, type: obj.referenceType as string, locator: obj.referenceLocator as string }));
  }
  const out: ExternalPackageRef[] = [];
  for (let i = 0; i < list.length; i++) {
    const obj = list[i]!;
    const rawCategory = obj.referenceCategory;
    const rawType = obj.referenceType;
    const rawLocator = obj.referenceLocator;
    // Hot path: three strings, a known category; the path string is only built for a diagnostic.
    const well = typeof rawCategory === 'string' && EXTERNAL_REF_CATEGORIES.has(rawCategory) && typeof rawType === 'string' && typeof rawLocator === 'string';
    const base = well ? '' : at(path, i);
    const category = well ? rawCategory : enumValue(ctx, rawCategory, EXTERNAL_REF_CATEGORIES, 'external reference category', base, 'referenceCategory');
    const type = well ? rawType : str(ctx, rawType, base, 'referenceType');
    const locator = well ? rawLocator : str(ctx, rawLocator, base, 'referenceLocator');
    if (category === undefined || type === undefined || locator === undefined) {
      ctx.error('MISSING_REQUIRED_FIELD', 'external reference needs referenceCategory, referenceType and referenceLocator; ignored', base);
      continue;
    }
    const ref: ExternalPackageRef = { category, type, locator };
    for (const key in obj) {
      if (key === 'comment') ref.comment = str(ctx, obj.comment, at(path, i), 'comment');
      else if (!EXTERNAL_REF_KEYS.has(key)) unknownKey(ctx, key, at(path, i));
    }
    out.push(ref);
  }
  return out;
}
