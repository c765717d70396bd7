// Files and snippets from their SPDX JSON objects (the field names of the 2.2 and 2.3 JSON schema).
import { EMPTY_LIST, type Annotation, type Snippet, type SnippetRange, type SpdxFile } from '../model.js';
import { annotationsOf } from './annotations.js';
import { checksums } from './checksums.js';
import type { ConvertContext } from './context.js';
import { def, spdxIdOf } from './element-common.js';
import { FILE_KEYS, FILE_TYPES, POINTER_KEYS, RANGE_KEYS, SNIPPET_KEYS } from './fields.js';
import {
  at,
  checkKeys,
  enumValue,
  int,
  isObject,
  license,
  licenseList,
  objList,
  show,
  spdxStr,
  str,
  strList,
  unknownKey,
  requireField,
  type Obj,
} from './values.js';

export { convertPackage } from './packages.js';

export function convertFile(ctx: ConvertContext, obj: Obj, base: string, sink: Annotation[]): SpdxFile {
  const spdxId = spdxIdOf(ctx, obj, base, 'file');
  // Direct reads (one object shape per raw file, so each read is a fixed offset); unknown keys are looked for
  // only when the key count says there are some.
  const { fileName, fileTypes, licenseConcluded, licenseComments, copyrightText, noticeText, comment, fileDependencies } = obj;
  const file: SpdxFile = {
    elementType: 'file',
    spdxId,
    name: (typeof fileName === 'string' ? fileName : str(ctx, fileName, base, 'fileName')) ?? '',
    annotations: obj.annotations === undefined ? EMPTY_LIST : annotationsOf(ctx, obj.annotations, at(base, 'annotations'), spdxId, sink),
    attributionTexts: obj.attributionTexts === undefined ? EMPTY_LIST : strList(ctx, obj.attributionTexts, base, 'attributionTexts'),
    fileTypes: fileTypes === undefined ? EMPTY_LIST : readFileTypes(ctx, fileTypes, base),
    checksums: obj.checksums === undefined ? EMPTY_LIST : checksums(ctx, obj.checksums, base, 'checksums'),
    licenseInfoInFiles: obj.licenseInfoInFiles === undefined ? EMPTY_LIST : licenseList(ctx, obj.licenseInfoInFiles, base, 'licenseInfoInFiles'),
    contributors: obj.fileContributors === undefined ? EMPTY_LIST : strList(ctx, obj.fileContributors, base, 'fileContributors'),
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
  const known =
    def(obj.SPDXID) +
    def(fileName) +
    def(fileTypes) +
    def(licenseConcluded) +
    def(licenseComments) +
    def(copyrightText) +
    def(noticeText) +
    def(comment) +
    def(fileDependencies) +
    def(obj.annotations) +
    def(obj.attributionTexts) +
    def(obj.checksums) +
    def(obj.licenseInfoInFiles) +
    def(obj.fileContributors) +
    def(obj.artifactOfs);
  if (present !== known) checkKeys(ctx, obj, FILE_KEYS, base);
  if (ctx.elementPositions) file.position = ctx.positionOf(base);
  return file;
}

function readFileTypes(ctx: ConvertContext, value: unknown, base: string): string[] {
  const types: unknown[] = Array.isArray(value) ? value : strList(ctx, value, base, 'fileTypes');
  // Hot path: all known types; the parsed list is owned by the converter's caller and discarded, so it is kept
  // as is rather than copied (one allocation less per file, and no closure).
  let known = true;
  for (let i = 0; i < types.length && known; i++) {
    const t = types[i];
    known = typeof t === 'string' && FILE_TYPES.has(t);
  }
  if (known) return types as string[];
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
      case 'name':
        snippet.name = str(ctx, value, base, key);
        break;
      case 'licenseConcluded':
        snippet.licenseConcluded = license(ctx, value, base, key);
        break;
      case 'licenseComments':
        snippet.licenseComments = str(ctx, value, base, key);
        break;
      case 'copyrightText':
        snippet.copyrightText = spdxStr(ctx, value, base, key);
        break;
      case 'comment':
        snippet.comment = str(ctx, value, base, key);
        break;
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
