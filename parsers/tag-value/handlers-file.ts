// File and snippet tags: FileName opens a file (owned by the package before it, if any); SnippetSPDXID opens a
// snippet (from the file before it unless SnippetFromFileSPDXID says otherwise).
import { FILE_TYPES, type FileType, type Snippet, type SpdxFile } from '../model.js';
import type { Handler } from './handlers-document.js';
import { special } from './handlers-package.js';
import type { HandlerState } from './handler-state.js';
import { append, EMPTY } from './state.js';
import { TagTable } from './tag-table.js';
import { readChecksum, readEnum, readRange } from './values.js';

const FILE_TYPE_TABLE = new TagTable<FileType>(FILE_TYPES);

function startFile(s: HandlerState): void {
  // Every field present from the start: one object shape for all files.
  const file: SpdxFile = {
    elementType: 'file',
    spdxId: '',
    name: s.lx.value,
    fileTypes: EMPTY,
    checksums: EMPTY,
    licenseConcluded: undefined,
    licenseInfoInFiles: EMPTY,
    licenseComments: undefined,
    copyrightText: undefined,
    notice: undefined,
    contributors: EMPTY,
    dependencies: undefined,
    comment: undefined,
    annotations: EMPTY,
    attributionTexts: EMPTY,
    position: { line: s.lx.line, column: s.lx.column },
  };
  s.setEntity('file', file);
  s.file = file;
  s.openFile = file;
  s.doc.files.push(file);
}

function startSnippet(s: HandlerState): void {
  const spdxId = s.lx.value;
  const snippet: Snippet = {
    elementType: 'snippet',
    spdxId,
    fromFile: '',
    ranges: EMPTY,
    name: undefined,
    licenseConcluded: undefined,
    licenseInfoInSnippets: EMPTY,
    licenseComments: undefined,
    copyrightText: undefined,
    comment: undefined,
    annotations: EMPTY,
    attributionTexts: EMPTY,
    position: { line: s.lx.line, column: s.lx.column },
  };
  // Remembered for the end of the document: the file before it, in case SnippetFromFileSPDXID is missing.
  s.snippetPrecedingFile.set(snippet, s.file);
  s.noteElementId(spdxId);
  s.setEntity('snippet', snippet);
  s.doc.snippets.push(snippet);
}

function fileText(field: 'licenseComments' | 'notice' | 'comment'): Handler {
  return (s) => {
    const f = s.inScope('file');
    if (f && !s.duplicate(f[field])) f[field] = s.lx.value;
  };
}

function snippetText(field: 'licenseComments' | 'comment' | 'name'): Handler {
  return (s) => {
    const sn = s.inScope('snippet');
    if (sn && !s.duplicate(sn[field])) sn[field] = s.lx.value;
  };
}

function snippetRange(kind: 'byte' | 'line'): Handler {
  return (s) => {
    const sn = s.inScope('snippet');
    if (!sn) return;
    if (sn.ranges.some((r) => r.kind === kind)) {
      s.atTag('warning', 'TAGVALUE_DUPLICATE_FIELD', `${s.lx.tag} is given more than once for this snippet; the first value is kept`);
      return;
    }
    const range = readRange(s.lx.value, s.reportAtValue);
    if (range) sn.ranges = append(sn.ranges, { kind, ...range });
  };
}

export const fileHandlers: Record<string, Handler> = {
  FileName: startFile,
  FileComment: fileText('comment'),
  FileNotice: fileText('notice'),
  LicenseComments: fileText('licenseComments'),
  FileType: (s) => {
    const f = s.inScope('file');
    if (!f || s.emptyValue()) return;
    const { valueSource, valueStart, valueEnd } = s.lx;
    f.fileTypes = s.appendShared(f.fileTypes, readEnum(valueSource, valueStart, valueEnd, FILE_TYPE_TABLE, 'file type', s.reportAtValue));
  },
  FileChecksum: (s) => {
    const f = s.inScope('file');
    if (!f || s.emptyValue()) return;
    const checksum = readChecksum(s.lx.valueSource, s.lx.valueStart, s.lx.valueEnd, s.reportAtValue);
    if (checksum) f.checksums = append(f.checksums, checksum);
  },
  LicenseConcluded: (s) => {
    const f = s.inScope('file');
    if (f && !s.emptyValue() && !s.duplicate(f.licenseConcluded)) f.licenseConcluded = s.license();
  },
  LicenseInfoInFile: (s) => {
    const f = s.inScope('file');
    if (f && !s.emptyValue()) f.licenseInfoInFiles = s.appendShared(f.licenseInfoInFiles, s.license());
  },
  FileCopyrightText: (s) => {
    const f = s.inScope('file');
    if (f && !s.emptyValue() && !s.duplicate(f.copyrightText)) f.copyrightText = special(s.lx);
  },
  FileContributor: (s) => {
    const f = s.inScope('file');
    if (f && !s.emptyValue()) f.contributors = append(f.contributors, s.lx.value);
  },
  FileAttributionText: (s) => {
    const f = s.inScope('file');
    if (f) f.attributionTexts = append(f.attributionTexts, s.lx.value);
  },
  // Deprecated since SPDX 2.1, still written by some tools.
  FileDependency: (s) => {
    const f = s.inScope('file');
    if (f && !s.emptyValue()) f.dependencies = append(f.dependencies ?? EMPTY, s.lx.value);
  },

  SnippetSPDXID: startSnippet,
  SnippetFromFileSPDXID: (s) => {
    const sn = s.inScope('snippet');
    if (sn && !s.emptyValue() && !s.duplicate(sn.fromFile || undefined)) sn.fromFile = s.lx.value;
  },
  SnippetByteRange: snippetRange('byte'),
  SnippetLineRange: snippetRange('line'),
  SnippetLicenseConcluded: (s) => {
    const sn = s.inScope('snippet');
    if (sn && !s.emptyValue() && !s.duplicate(sn.licenseConcluded)) sn.licenseConcluded = s.license();
  },
  LicenseInfoInSnippet: (s) => {
    const sn = s.inScope('snippet');
    if (sn && !s.emptyValue()) sn.licenseInfoInSnippets = s.appendShared(sn.licenseInfoInSnippets, s.license());
  },
  SnippetCopyrightText: (s) => {
    const sn = s.inScope('snippet');
    if (sn && !s.emptyValue() && !s.duplicate(sn.copyrightText)) sn.copyrightText = special(s.lx);
  },
  SnippetLicenseComments: snippetText('licenseComments'),
  SnippetComment: snippetText('comment'),
  SnippetName: snippetText('name'),
  SnippetAttributionText: (s) => {
    const sn = s.inScope('snippet');
    if (sn) sn.attributionTexts = append(sn.attributionTexts, s.lx.value);
  },
};
