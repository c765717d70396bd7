// Packages, files and snippets from their SPDX JSON objects (the field names of the 2.2 and 2.3 JSON schema).
import type {
  Annotation,
  ExternalPackageRef,
  Package,
  PackageVerificationCode,
  Snippet,
  SnippetRange,
  SpdxFile,
} from '../model.js';
import { annotationsOf } from './annotations.js';
import type { ConvertContext } from './context.js';
import {
  FILE_TYPES, PACKAGE_KEYS, FILE_KEYS, SNIPPET_KEYS, EXTERNAL_REF_CATEGORIES, EXTERNAL_REF_KEYS, PURPOSES,
  VERIFICATION_CODE_KEYS, RANGE_KEYS, POINTER_KEYS,
} from './fields.js';
import {
  actor, at, bool, checksums, lowerHex, date, enumValue, int, isObject, license, licenseList, objList, requireField, show, spdxStr,
  checkKeys, str, strList, unknownKey, type Obj,
} from './values.js';

/** Reads `SPDXID`; an element without one gets an error and an empty id (kept so counts stay honest). */
function spdxIdOf(ctx: ConvertContext, obj: Obj, base: string, what: string): string {
  const id = typeof obj.SPDXID === 'string' ? obj.SPDXID : str(ctx, obj.SPDXID, base, 'SPDXID');
  if (id === undefined || id === '') {
    ctx.error('MISSING_SPDXID', `${what} has no SPDXID`, at(base, 'SPDXID'));
    return '';
  }
  return id;
}

export function convertPackage(ctx: ConvertContext, obj: Obj, base: string, sink: Annotation[]): Package {
  const spdxId = spdxIdOf(ctx, obj, base, 'package');
  // Direct reads into one object literal: one shape for every package, no property storage reallocated, and
  // unknown keys looked for only when the key count says there are some (see convertFile).
  const o = obj;
  const pkg: Package = {
    elementType: 'package',
    spdxId,
    name: (typeof o.name === 'string' ? o.name : str(ctx, o.name, base, 'name')) ?? '',
    annotations: o.annotations === undefined ? [] : annotationsOf(ctx, o.annotations, at(base, 'annotations'), spdxId, sink),
    attributionTexts: o.attributionTexts === undefined ? [] : strList(ctx, o.attributionTexts, base, 'attributionTexts'),
    checksums: o.checksums === undefined ? [] : checksums(ctx, o.checksums, base, 'checksums'),
    licenseInfoFromFiles: o.licenseInfoFromFiles === undefined ? [] : licenseList(ctx, o.licenseInfoFromFiles, base, 'licenseInfoFromFiles'),
    externalRefs: o.externalRefs === undefined ? [] : externalRefs(ctx, o.externalRefs, at(base, 'externalRefs')),
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
    primaryPackagePurpose: o.primaryPackagePurpose === undefined ? undefined : enumValue(ctx, o.primaryPackagePurpose, PURPOSES, 'primary package purpose', base, 'primaryPackagePurpose'),
    releaseDate: o.releaseDate === undefined ? undefined : date(ctx, o.releaseDate, base, 'releaseDate'),
    builtDate: o.builtDate === undefined ? undefined : date(ctx, o.builtDate, base, 'builtDate'),
    validUntilDate: o.validUntilDate === undefined ? undefined : date(ctx, o.validUntilDate, base, 'validUntilDate'),
    position: undefined,
  };
  if (!o.name) requireField(ctx, o.name, 'name', base, 'package');
  if (!o.downloadLocation) requireField(ctx, o.downloadLocation, 'downloadLocation', base, 'package');
  let present = 0;
  for (const key in o) present++;
  const known = def(o.SPDXID) + def(o.name) + def(o.annotations) + def(o.attributionTexts) + def(o.checksums) +
    def(o.licenseInfoFromFiles) + def(o.externalRefs) + def(o.versionInfo) + def(o.packageFileName) + def(o.supplier) +
    def(o.originator) + def(o.downloadLocation) + def(o.filesAnalyzed) + def(o.packageVerificationCode) + def(o.homepage) +
    def(o.sourceInfo) + def(o.licenseConcluded) + def(o.licenseDeclared) + def(o.licenseComments) + def(o.copyrightText) +
    def(o.summary) + def(o.description) + def(o.comment) + def(o.primaryPackagePurpose) + def(o.releaseDate) +
    def(o.builtDate) + def(o.validUntilDate) + def(o.hasFiles);
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
    excludedFiles: excluded === undefined ? [] : strList(ctx, excluded, at(base, key), 'packageVerificationCodeExcludedFiles'),
  };
}

function isPlainRef(obj: Obj): boolean {
  let n = 0;
  for (const _ in obj) n++;
  const category = obj.referenceCategory;
  return n === 3 && typeof category === 'string' && EXTERNAL_REF_CATEGORIES.has(category) &&
    typeof obj.referenceType === 'string' && typeof obj.referenceLocator === 'string';
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

export function convertFile(ctx: ConvertContext, obj: Obj, base: string, sink: Annotation[]): SpdxFile {
  const spdxId = spdxIdOf(ctx, obj, base, 'file');
  // Direct reads (one object shape per raw file, so each read is a fixed offset); unknown keys are looked for
  // only when the key count says there are some.
  const { fileName, fileTypes, licenseConcluded, licenseComments, copyrightText, noticeText, comment, fileDependencies } = obj;
  const file: SpdxFile = {
    elementType: 'file',
    spdxId,
    name: (typeof fileName === 'string' ? fileName : str(ctx, fileName, base, 'fileName')) ?? '',
    annotations: obj.annotations === undefined ? [] : annotationsOf(ctx, obj.annotations, at(base, 'annotations'), spdxId, sink),
    attributionTexts: obj.attributionTexts === undefined ? [] : strList(ctx, obj.attributionTexts, base, 'attributionTexts'),
    fileTypes: fileTypes === undefined ? [] : readFileTypes(ctx, fileTypes, base),
    checksums: obj.checksums === undefined ? [] : checksums(ctx, obj.checksums, base, 'checksums'),
    licenseInfoInFiles: obj.licenseInfoInFiles === undefined ? [] : licenseList(ctx, obj.licenseInfoInFiles, base, 'licenseInfoInFiles'),
    contributors: obj.fileContributors === undefined ? [] : strList(ctx, obj.fileContributors, base, 'fileContributors'),
    licenseConcluded: licenseConcluded === undefined ? undefined : license(ctx, licenseConcluded, base, 'licenseConcluded'),
    licenseComments: licenseComments === undefined ? undefined : str(ctx, licenseComments, base, 'licenseComments'),
    copyrightText: copyrightText === undefined ? undefined : spdxStr(ctx, copyrightText, base, 'copyrightText'),
    notice: noticeText === undefined ? undefined : str(ctx, noticeText, base, 'noticeText'),
    comment: comment === undefined ? undefined : str(ctx, comment, base, 'comment'),
    dependencies: fileDependencies === undefined ? undefined : strList(ctx, fileDependencies, base, 'fileDependencies'),
    position: undefined,
  };
  if (!fileName) requireField(ctx, fileName, 'fileName', base, 'file');
  let present = 0;
  for (const key in obj) present++;
  // Named reads (fast) count the known fields; any difference means unknown keys, which are then looked for.
  const known = def(obj.SPDXID) + def(fileName) + def(fileTypes) + def(licenseConcluded) + def(licenseComments) +
    def(copyrightText) + def(noticeText) + def(comment) + def(fileDependencies) + def(obj.annotations) +
    def(obj.attributionTexts) + def(obj.checksums) + def(obj.licenseInfoInFiles) + def(obj.fileContributors) + def(obj.artifactOfs);
  if (present !== known) checkKeys(ctx, obj, FILE_KEYS, base);
  if (ctx.elementPositions) file.position = ctx.positionOf(base);
  return file;
}

/** 1 when a field is present (JSON has no undefined values, so present means not undefined). */
function def(value: unknown): number {
  return value === undefined ? 0 : 1;
}

function readFileTypes(ctx: ConvertContext, value: unknown, base: string): string[] {
  const types: unknown[] = Array.isArray(value) ? value : strList(ctx, value, base, 'fileTypes');
  if (types.every((t) => typeof t === 'string' && FILE_TYPES.has(t))) return types.slice() as string[];
  const out: string[] = [];
  for (let i = 0; i < types.length; i++) {
    const t = types[i];
    if (typeof t === 'string' && FILE_TYPES.has(t)) out.push(t);
    else {
      const read = enumValue(ctx, t, FILE_TYPES, 'file type', at(base, 'fileTypes'), i);
      if (read !== undefined) out.push(read);
    }
  }
  return out;
}

export function convertSnippet(ctx: ConvertContext, obj: Obj, base: string, sink: Annotation[]): Snippet {
  const spdxId = spdxIdOf(ctx, obj, base, 'snippet');
  const fromFile = str(ctx, obj.snippetFromFile, base, 'snippetFromFile') ?? '';
  requireField(ctx, fromFile, 'snippetFromFile', base, 'snippet');
  const snippet: Snippet = {
    elementType: 'snippet',
    spdxId,
    fromFile,
    ranges: ranges(ctx, obj.ranges, at(base, 'ranges'), fromFile),
    annotations: annotationsOf(ctx, obj.annotations, at(base, 'annotations'), spdxId, sink),
    attributionTexts: strList(ctx, obj.attributionTexts, base, 'attributionTexts'),
    licenseInfoInSnippets: licenseList(ctx, obj.licenseInfoInSnippets, base, 'licenseInfoInSnippets'),
  };
  if (snippet.ranges.length === 0) ctx.warn('MISSING_REQUIRED_FIELD', 'snippet has no ranges', at(base, 'ranges'));
  let key: string;
  for (key in obj) {
    const value = obj[key];
    switch (key) {
      case 'name': snippet.name = str(ctx, value, base, key); break;
      case 'licenseConcluded': snippet.licenseConcluded = license(ctx, value, base, key); break;
      case 'licenseComments': snippet.licenseComments = str(ctx, value, base, key); break;
      case 'copyrightText': snippet.copyrightText = spdxStr(ctx, value, base, key); break;
      case 'comment': snippet.comment = str(ctx, value, base, key); break;
      default:
        if (!SNIPPET_KEYS.has(key)) unknownKey(ctx, key, base);
    }
  }
  const position = ctx.positionOf(base);
  if (position) snippet.position = position;
  return snippet;
}

/** `ranges: [{startPointer: {offset|lineNumber, reference}, endPointer: {...}}]`. */
function ranges(ctx: ConvertContext, value: unknown, path: string, fromFile: string): SnippetRange[] {
  const list = objList(ctx, value, path);
  const out: SnippetRange[] = [];
  for (let i = 0; i < list.length; i++) {
    const base = at(path, i);
    const range = list[i]!;
    for (const key in range) if (!RANGE_KEYS.has(key)) unknownKey(ctx, key, base);
    const start = pointer(ctx, range.startPointer, at(base, 'startPointer'));
    const end = pointer(ctx, range.endPointer, at(base, 'endPointer'));
    if (!start || !end) continue;
    if (start.kind !== end.kind) {
      ctx.error('SNIPPET_RANGE_MISMATCH', `start is a ${start.kind} pointer but end is a ${end.kind} pointer; range ignored`, base);
      continue;
    }
    const r: SnippetRange = { kind: start.kind, start: start.at, end: end.at };
    const reference = start.reference ?? end.reference;
    if (reference !== undefined && reference !== fromFile) r.fileSpdxId = reference;
    out.push(r);
  }
  return out;
}

function pointer(ctx: ConvertContext, value: unknown, path: string): { kind: 'byte' | 'line'; at: number; reference?: string } | undefined {
  if (!isObject(value)) {
    ctx.error('MISSING_REQUIRED_FIELD', `snippet range needs a pointer object, found ${show(value)}`, path);
    return undefined;
  }
  for (const key in value) if (!POINTER_KEYS.has(key)) unknownKey(ctx, key, path);
  const reference = str(ctx, value.reference, path, 'reference');
  if (value.offset !== undefined) {
    const at = int(ctx, value.offset, path, 'offset');
    return at === undefined ? undefined : { kind: 'byte', at, reference };
  }
  if (value.lineNumber !== undefined) {
    const at = int(ctx, value.lineNumber, path, 'lineNumber');
    return at === undefined ? undefined : { kind: 'line', at, reference };
  }
  ctx.error('MISSING_REQUIRED_FIELD', 'snippet pointer has neither offset nor lineNumber', path);
  return undefined;
}

export type ElementConverter<T> = (ctx: ConvertContext, obj: Obj, base: string, sink: Annotation[]) => T;
