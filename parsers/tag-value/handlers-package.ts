// Package tags: PackageName opens a package; the other tags fill the package in scope.
import { NOASSERTION, NONE, PRIMARY_PACKAGE_PURPOSES, type Package, type Spdx } from '../model.js';
import type { Handler } from './handlers-document.js';
import type { TagValueLexer } from './lexer.js';
import type { HandlerState } from './handler-state.js';
import { append, EMPTY } from './state.js';
import { TagTable } from './tag-table.js';
import { readActor, readChecksum, readDate, readEnum, readExternalRef, readVerificationCode } from './values.js';

const PURPOSES = new TagTable(PRIMARY_PACKAGE_PURPOSES);

type TextField = 'version' | 'fileName' | 'sourceInfo' | 'licenseComments' | 'summary' | 'description' | 'comment';
type DateField = 'releaseDate' | 'builtDate' | 'validUntilDate';

/** The current value, NONE or NOASSERTION (the usual ones, read without a string). */
export function special(lx: TagValueLexer): Spdx<string> {
  return lx.valueIs('NOASSERTION') ? NOASSERTION : lx.valueIs('NONE') ? NONE : lx.value;
}

function text(field: TextField): Handler {
  return (s) => {
    const p = s.inScope('package');
    if (p && !s.duplicate(p[field])) p[field] = s.lx.value;
  };
}

function specialField(field: 'downloadLocation' | 'homepage' | 'copyrightText'): Handler {
  return (s) => {
    const p = s.inScope('package');
    if (!p || s.emptyValue() || s.duplicate(p[field])) return;
    p[field] = special(s.lx);
  };
}

function actorField(field: 'supplier' | 'originator'): Handler {
  return (s) => {
    const p = s.inScope('package');
    if (!p || s.emptyValue() || s.duplicate(p[field])) return;
    p[field] = s.lx.valueIs('NOASSERTION') ? NOASSERTION : readActor(s.lx.value, s.reportAtValue);
  };
}

function licenseField(field: 'licenseConcluded' | 'licenseDeclared'): Handler {
  return (s) => {
    const p = s.inScope('package');
    if (!p || s.emptyValue() || s.duplicate(p[field])) return;
    p[field] = s.license();
  };
}

function dateField(field: DateField): Handler {
  return (s) => {
    const p = s.inScope('package');
    if (!p || s.emptyValue() || s.duplicate(p[field])) return;
    p[field] = readDate(s.lx.value, s.reportAtValue);
  };
}

function startPackage(s: HandlerState): void {
  // Every field present from the start: one object shape for all packages keeps parsing fast and objects small.
  const pkg: Package = {
    elementType: 'package',
    spdxId: '',
    name: s.lx.value,
    version: undefined,
    fileName: undefined,
    supplier: undefined,
    originator: undefined,
    downloadLocation: undefined,
    filesAnalyzed: undefined,
    verificationCode: undefined,
    checksums: EMPTY,
    homepage: undefined,
    sourceInfo: undefined,
    licenseConcluded: undefined,
    licenseInfoFromFiles: EMPTY,
    licenseDeclared: undefined,
    licenseComments: undefined,
    copyrightText: undefined,
    summary: undefined,
    description: undefined,
    externalRefs: EMPTY,
    primaryPackagePurpose: undefined,
    releaseDate: undefined,
    builtDate: undefined,
    validUntilDate: undefined,
    comment: undefined,
    annotations: EMPTY,
    attributionTexts: EMPTY,
    position: { line: s.lx.line, column: s.lx.column },
  };
  s.setEntity('package', pkg);
  s.pkg = pkg;
  s.externalRef = undefined;
  s.doc.packages.push(pkg);
}

export const packageHandlers: Record<string, Handler> = {
  PackageName: startPackage,
  PackageVersion: text('version'),
  PackageFileName: text('fileName'),
  PackageSourceInfo: text('sourceInfo'),
  PackageLicenseComments: text('licenseComments'),
  PackageSummary: text('summary'),
  PackageDescription: text('description'),
  PackageComment: text('comment'),
  PackageDownloadLocation: specialField('downloadLocation'),
  PackageHomePage: specialField('homepage'),
  PackageCopyrightText: specialField('copyrightText'),
  PackageSupplier: actorField('supplier'),
  PackageOriginator: actorField('originator'),
  PackageLicenseConcluded: licenseField('licenseConcluded'),
  PackageLicenseDeclared: licenseField('licenseDeclared'),
  ReleaseDate: dateField('releaseDate'),
  BuiltDate: dateField('builtDate'),
  ValidUntilDate: dateField('validUntilDate'),

  PackageLicenseInfoFromFiles: (s) => {
    const p = s.inScope('package');
    if (p && !s.emptyValue()) p.licenseInfoFromFiles = s.appendShared(p.licenseInfoFromFiles, s.license());
  },
  PackageChecksum: (s) => {
    const p = s.inScope('package');
    if (!p || s.emptyValue()) return;
    const checksum = readChecksum(s.lx.valueSource, s.lx.valueStart, s.lx.valueEnd, s.reportAtValue);
    if (checksum) p.checksums = append(p.checksums, checksum);
  },
  PackageVerificationCode: (s) => {
    const p = s.inScope('package');
    if (!p || s.emptyValue() || s.duplicate(p.verificationCode)) return;
    p.verificationCode = readVerificationCode(s.lx.value, s.reportAtValue);
  },
  FilesAnalyzed: (s) => {
    const p = s.inScope('package');
    if (!p || s.emptyValue() || s.duplicate(p.filesAnalyzed)) return;
    // As written, the usual case, without a string; any other spelling is read below.
    const written = s.lx.valueIs('true') ? true : s.lx.valueIs('false') ? false : undefined;
    if (written !== undefined) {
      p.filesAnalyzed = written;
      return;
    }
    const v = s.lx.value;
    const lower = v.toLowerCase();
    if (lower !== 'true' && lower !== 'false') {
      s.add('warning', 'TAGVALUE_BAD_BOOLEAN', `FilesAnalyzed must be true or false, not ${s.quote(v)}; ignored`, s.lx.valueLine, s.lx.valueColumn);
      return;
    }
    s.add('warning', 'TAGVALUE_ENUM_CASE', `FilesAnalyzed should be written ${lower}`, s.lx.valueLine, s.lx.valueColumn);
    p.filesAnalyzed = lower === 'true';
  },
  PrimaryPackagePurpose: (s) => {
    const p = s.inScope('package');
    if (!p || s.emptyValue() || s.duplicate(p.primaryPackagePurpose)) return;
    p.primaryPackagePurpose = readEnum(s.lx.valueSource, s.lx.valueStart, s.lx.valueEnd, PURPOSES, 'primary package purpose', s.reportAtValue, true);
  },
  PackageAttributionText: (s) => {
    const p = s.inScope('package');
    if (p) p.attributionTexts = append(p.attributionTexts, s.lx.value);
  },
  ExternalRef: (s) => {
    const p = s.inScope('package');
    if (!p || s.emptyValue()) return;
    const ref = readExternalRef(s.lx.valueSource, s.lx.valueStart, s.lx.valueEnd, s.reportAtValue);
    s.externalRef = ref;
    if (ref) p.externalRefs = append(p.externalRefs, ref);
  },
  // ExternalRefComment belongs to the ExternalRef just before it.
  ExternalRefComment: (s) => {
    const p = s.inScope('package');
    if (!p) return;
    const ref = s.externalRef;
    if (!ref || p.externalRefs[p.externalRefs.length - 1] !== ref) {
      s.atTag('warning', 'TAGVALUE_OUT_OF_SCOPE', 'ExternalRefComment does not follow an ExternalRef of this package; ignored');
      return;
    }
    if (!s.duplicate(ref.comment)) ref.comment = s.lx.value;
  },
};
