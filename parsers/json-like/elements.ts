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
import { childPath, type ConvertContext } from './context.js';
import {
  FILE_TYPES, PACKAGE_KEYS, FILE_KEYS, SNIPPET_KEYS, EXTERNAL_REF_CATEGORIES, EXTERNAL_REF_KEYS, PURPOSES,
  VERIFICATION_CODE_KEYS, RANGE_KEYS, POINTER_KEYS,
} from './fields.js';
import {
  actor, bool, checksums, date, enumValue, int, isObject, license, licenseList, objList, requireField, show, spdxStr,
  str, strList, unknownKey, type Obj,
} from './values.js';

/** Reads `SPDXID`; an element without one gets an error and an empty id (kept so counts stay honest). */
function spdxIdOf(ctx: ConvertContext, obj: Obj, base: string, what: string): string {
  const id = str(ctx, obj.SPDXID, childPath(base, 'SPDXID'));
  if (id === undefined || id === '') {
    ctx.error('MISSING_SPDXID', `${what} has no SPDXID`, `${base}.SPDXID`);
    return '';
  }
  return id;
}

export function convertPackage(ctx: ConvertContext, obj: Obj, base: string, sink: Annotation[]): Package {
  const spdxId = spdxIdOf(ctx, obj, base, 'package');
  const pkg: Package = {
    elementType: 'package',
    spdxId,
    name: str(ctx, obj.name, `${base}.name`) ?? '',
    annotations: annotationsOf(ctx, obj.annotations, `${base}.annotations`, spdxId, sink),
    attributionTexts: strList(ctx, obj.attributionTexts, `${base}.attributionTexts`),
    checksums: checksums(ctx, obj.checksums, `${base}.checksums`),
    licenseInfoFromFiles: licenseList(ctx, obj.licenseInfoFromFiles, `${base}.licenseInfoFromFiles`),
    externalRefs: externalRefs(ctx, obj.externalRefs, `${base}.externalRefs`),
  };
  requireField(ctx, obj.name, 'name', base, 'package');
  requireField(ctx, obj.downloadLocation, 'downloadLocation', base, 'package');
  let key: string;
  for (key in obj) {
    const value = obj[key];
    const path = `${base}.${key}`;
    switch (key) {
      case 'versionInfo': pkg.version = str(ctx, value, path); break;
      case 'packageFileName': pkg.fileName = str(ctx, value, path); break;
      case 'supplier': pkg.supplier = actor(ctx, value, path); break;
      case 'originator': pkg.originator = actor(ctx, value, path); break;
      case 'downloadLocation': pkg.downloadLocation = spdxStr(ctx, value, path); break;
      case 'filesAnalyzed': pkg.filesAnalyzed = bool(ctx, value, path); break;
      case 'packageVerificationCode': pkg.verificationCode = verificationCode(ctx, value, path); break;
      case 'homepage': pkg.homepage = spdxStr(ctx, value, path); break;
      case 'sourceInfo': pkg.sourceInfo = str(ctx, value, path); break;
      case 'licenseConcluded': pkg.licenseConcluded = license(ctx, value, path); break;
      case 'licenseDeclared': pkg.licenseDeclared = license(ctx, value, path); break;
      case 'licenseComments': pkg.licenseComments = str(ctx, value, path); break;
      case 'copyrightText': pkg.copyrightText = spdxStr(ctx, value, path); break;
      case 'summary': pkg.summary = str(ctx, value, path); break;
      case 'description': pkg.description = str(ctx, value, path); break;
      case 'comment': pkg.comment = str(ctx, value, path); break;
      case 'primaryPackagePurpose': pkg.primaryPackagePurpose = enumValue(ctx, value, PURPOSES, 'primary package purpose', path); break;
      case 'releaseDate': pkg.releaseDate = date(ctx, value, path); break;
      case 'builtDate': pkg.builtDate = date(ctx, value, path); break;
      case 'validUntilDate': pkg.validUntilDate = date(ctx, value, path); break;
      case 'fileName':
        ctx.warn(`${ctx.format}_UNKNOWN_FIELD`, 'unknown package field "fileName" (did you mean packageFileName?); read as packageFileName', path);
        pkg.fileName ??= str(ctx, value, path);
        break;
      default:
        if (!PACKAGE_KEYS.has(key)) unknownKey(ctx, key, base);
    }
  }
  const position = ctx.positionOf(base);
  if (position) pkg.position = position;
  return pkg;
}

function verificationCode(ctx: ConvertContext, value: unknown, path: string): PackageVerificationCode | undefined {
  if (!isObject(value)) {
    ctx.warn(`${ctx.format}_WRONG_TYPE`, `expected a package verification code object, found ${show(value)}`, path);
    return undefined;
  }
  const code = str(ctx, value.packageVerificationCodeValue, `${path}.packageVerificationCodeValue`);
  requireField(ctx, code, 'packageVerificationCodeValue', path, 'package verification code');
  for (const key in value) if (!VERIFICATION_CODE_KEYS.has(key)) unknownKey(ctx, key, path);
  return {
    value: (code ?? '').trim().toLowerCase(),
    excludedFiles: strList(ctx, value.packageVerificationCodeExcludedFiles, `${path}.packageVerificationCodeExcludedFiles`),
  };
}

function externalRefs(ctx: ConvertContext, value: unknown, path: string): ExternalPackageRef[] {
  const list = objList(ctx, value, path);
  const out: ExternalPackageRef[] = [];
  for (let i = 0; i < list.length; i++) {
    const obj = list[i]!;
    const base = `${path}[${i}]`;
    const category = enumValue(ctx, obj.referenceCategory, EXTERNAL_REF_CATEGORIES, 'external reference category', `${base}.referenceCategory`);
    const type = str(ctx, obj.referenceType, `${base}.referenceType`);
    const locator = str(ctx, obj.referenceLocator, `${base}.referenceLocator`);
    if (category === undefined || type === undefined || locator === undefined) {
      ctx.error('MISSING_REQUIRED_FIELD', 'external reference needs referenceCategory, referenceType and referenceLocator; ignored', base);
      continue;
    }
    const ref: ExternalPackageRef = { category, type, locator };
    const comment = str(ctx, obj.comment, `${base}.comment`);
    if (comment !== undefined) ref.comment = comment;
    for (const key in obj) if (!EXTERNAL_REF_KEYS.has(key)) unknownKey(ctx, key, base);
    out.push(ref);
  }
  return out;
}

export function convertFile(ctx: ConvertContext, obj: Obj, base: string, sink: Annotation[]): SpdxFile {
  const spdxId = spdxIdOf(ctx, obj, base, 'file');
  const file: SpdxFile = {
    elementType: 'file',
    spdxId,
    name: str(ctx, obj.fileName, `${base}.fileName`) ?? '',
    annotations: annotationsOf(ctx, obj.annotations, `${base}.annotations`, spdxId, sink),
    attributionTexts: strList(ctx, obj.attributionTexts, `${base}.attributionTexts`),
    fileTypes: [],
    checksums: checksums(ctx, obj.checksums, `${base}.checksums`),
    licenseInfoInFiles: licenseList(ctx, obj.licenseInfoInFiles, `${base}.licenseInfoInFiles`),
    contributors: strList(ctx, obj.fileContributors, `${base}.fileContributors`),
  };
  requireField(ctx, obj.fileName, 'fileName', base, 'file');
  let key: string;
  for (key in obj) {
    const value = obj[key];
    const path = `${base}.${key}`;
    switch (key) {
      case 'fileTypes': {
        const types = strList(ctx, value, path);
        for (let i = 0; i < types.length; i++) file.fileTypes.push(enumValue(ctx, types[i], FILE_TYPES, 'file type', `${path}[${i}]`)!);
        break;
      }
      case 'licenseConcluded': file.licenseConcluded = license(ctx, value, path); break;
      case 'licenseComments': file.licenseComments = str(ctx, value, path); break;
      case 'copyrightText': file.copyrightText = spdxStr(ctx, value, path); break;
      case 'noticeText': file.notice = str(ctx, value, path); break;
      case 'comment': file.comment = str(ctx, value, path); break;
      case 'fileDependencies': file.dependencies = strList(ctx, value, path); break;
      default:
        if (!FILE_KEYS.has(key)) unknownKey(ctx, key, base);
    }
  }
  const position = ctx.positionOf(base);
  if (position) file.position = position;
  return file;
}

export function convertSnippet(ctx: ConvertContext, obj: Obj, base: string, sink: Annotation[]): Snippet {
  const spdxId = spdxIdOf(ctx, obj, base, 'snippet');
  const fromFile = str(ctx, obj.snippetFromFile, `${base}.snippetFromFile`) ?? '';
  requireField(ctx, fromFile, 'snippetFromFile', base, 'snippet');
  const snippet: Snippet = {
    elementType: 'snippet',
    spdxId,
    fromFile,
    ranges: ranges(ctx, obj.ranges, `${base}.ranges`, fromFile),
    annotations: annotationsOf(ctx, obj.annotations, `${base}.annotations`, spdxId, sink),
    attributionTexts: strList(ctx, obj.attributionTexts, `${base}.attributionTexts`),
    licenseInfoInSnippets: licenseList(ctx, obj.licenseInfoInSnippets, `${base}.licenseInfoInSnippets`),
  };
  if (snippet.ranges.length === 0) ctx.warn('MISSING_REQUIRED_FIELD', 'snippet has no ranges', `${base}.ranges`);
  let key: string;
  for (key in obj) {
    const value = obj[key];
    const path = `${base}.${key}`;
    switch (key) {
      case 'name': snippet.name = str(ctx, value, path); break;
      case 'licenseConcluded': snippet.licenseConcluded = license(ctx, value, path); break;
      case 'licenseComments': snippet.licenseComments = str(ctx, value, path); break;
      case 'copyrightText': snippet.copyrightText = spdxStr(ctx, value, path); break;
      case 'comment': snippet.comment = str(ctx, value, path); break;
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
    const base = `${path}[${i}]`;
    const range = list[i]!;
    for (const key in range) if (!RANGE_KEYS.has(key)) unknownKey(ctx, key, base);
    const start = pointer(ctx, range.startPointer, `${base}.startPointer`);
    const end = pointer(ctx, range.endPointer, `${base}.endPointer`);
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
  const reference = str(ctx, value.reference, `${path}.reference`);
  if (value.offset !== undefined) {
    const at = int(ctx, value.offset, `${path}.offset`);
    return at === undefined ? undefined : { kind: 'byte', at, reference };
  }
  if (value.lineNumber !== undefined) {
    const at = int(ctx, value.lineNumber, `${path}.lineNumber`);
    return at === undefined ? undefined : { kind: 'line', at, reference };
  }
  ctx.error('MISSING_REQUIRED_FIELD', 'snippet pointer has neither offset nor lineNumber', path);
  return undefined;
}

export type ElementConverter<T> = (ctx: ConvertContext, obj: Obj, base: string, sink: Annotation[]) => T;
