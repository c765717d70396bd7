// Document and creation-info tags; they may appear anywhere in the document.
import type { TagValueState } from './state.js';
import { readActor, readChecksum, readDate, splitBlank } from './values.js';

/** A tag's handler reads the line's value from `s.lx`: as a string (`value`) where it keeps one, in place where not. */
export type Handler = (s: TagValueState) => void;

const SUPPORTED_VERSIONS = new Set(['SPDX-2.2', 'SPDX-2.3']);

function once(field: 'spdxVersion' | 'dataLicense' | 'name' | 'documentNamespace' | 'comment'): Handler {
  return (s) => {
    s.docTagsSeen.add(s.lx.tag);
    if (s.emptyValue()) return;
    const doc = s.doc;
    const current = doc[field];
    if (s.duplicate(current === '' ? undefined : current)) return;
    doc[field] = s.lx.value;
  };
}

export const documentHandlers: Record<string, Handler> = {
  SPDXVersion: (s) => {
    once('spdxVersion')(s);
    const v = s.lx.value;
    if (v && !SUPPORTED_VERSIONS.has(v)) {
      s.add(
        'warning',
        'TAGVALUE_SPDX_VERSION',
        `SPDXVersion ${s.quote(v)} is not SPDX-2.2 or SPDX-2.3; read with the 2.3 rules`,
        s.lx.valueLine,
        s.lx.valueColumn,
      );
    }
  },
  DataLicense: once('dataLicense'),
  DocumentName: once('name'),
  DocumentNamespace: once('documentNamespace'),
  DocumentComment: once('comment'),

  // The first SPDXID outside a package or file names the document; later ones name the element in scope.
  SPDXID: (s) => {
    if (s.emptyValue()) return;
    const entity = s.entity;
    if (entity && (s.entityKind === 'package' || s.entityKind === 'file')) {
      if (s.duplicate((entity as { spdxId: string }).spdxId || undefined)) return;
      const id = s.lx.value;
      (entity as { spdxId: string }).spdxId = id;
      s.noteElementId(id);
      return;
    }
    if (entity) {
      s.atTag('warning', 'TAGVALUE_OUT_OF_SCOPE', `SPDXID inside a ${s.entityKind} names nothing (a ${s.entityKind} has its own id tag); ignored`);
      return;
    }
    s.docTagsSeen.add('SPDXID');
    if (s.doc.spdxId) {
      s.atTag(
        'warning',
        'TAGVALUE_OUT_OF_SCOPE',
        `SPDXID ${s.quote(s.lx.value)} outside any package or file, and the document already has ${s.quote(s.doc.spdxId)}; ignored (an element's SPDXID goes after its PackageName or FileName)`,
      );
      return;
    }
    s.doc.spdxId = s.lx.value;
  },

  ExternalDocumentRef: (s) => {
    const v = s.lx.value;
    const parts = splitBlank(v, 3);
    if (parts.length < 2) {
      s.add(
        'error',
        'TAGVALUE_BAD_EXTERNAL_DOCUMENT_REF',
        `ExternalDocumentRef ${s.quote(v)} is not in the form DocumentRef-id URI SHA1: hex`,
        s.lx.valueLine,
        s.lx.valueColumn,
      );
      return;
    }
    const ref = { id: parts[0]!, documentNamespace: parts[1]! } as { id: string; documentNamespace: string; checksum?: { algorithm: string; value: string } };
    if (!ref.id.startsWith('DocumentRef-')) {
      s.add(
        'warning',
        'TAGVALUE_BAD_EXTERNAL_DOCUMENT_REF',
        `external document id ${s.quote(ref.id)} does not start with DocumentRef-`,
        s.lx.valueLine,
        s.lx.valueColumn,
      );
    }
    if (parts[2]) ref.checksum = readChecksum(parts[2], 0, parts[2].length, s.reportAtValue);
    else s.add('warning', 'MISSING_REQUIRED_FIELD', `ExternalDocumentRef ${s.quote(ref.id)} has no checksum (SHA1: hex)`, s.lx.valueLine, s.lx.valueColumn);
    s.doc.externalDocumentRefs.push(ref);
  },

  Creator: (s) => {
    s.docTagsSeen.add('Creator');
    if (s.emptyValue()) return;
    s.doc.creationInfo.creators.push(readActor(s.lx.value, s.reportAtValue));
  },
  Created: (s) => {
    s.docTagsSeen.add('Created');
    if (s.emptyValue() || s.duplicate(s.doc.creationInfo.created)) return;
    s.doc.creationInfo.created = readDate(s.lx.value, s.reportAtValue);
  },
  CreatorComment: (s) => {
    if (!s.duplicate(s.doc.creationInfo.comment)) s.doc.creationInfo.comment = s.lx.value;
  },
  LicenseListVersion: (s) => {
    if (s.emptyValue() || s.duplicate(s.doc.creationInfo.licenseListVersion)) return;
    s.doc.creationInfo.licenseListVersion = s.lx.value;
  },
};

/** Tags of older SPDX versions: read without error, their content is not part of the 2.x model. */
export const deprecatedTags = new Set([
  'Reviewer',
  'ReviewDate',
  'ReviewComment',
  'ArtifactOfProjectName',
  'ArtifactOfProjectHomePage',
  'ArtifactOfProjectURI',
]);
