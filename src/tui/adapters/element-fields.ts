// Every field of an element as label/text pairs for the Detail screen (values as written; sanitized when drawn).
import type { Actor, Element, LicenseExpression, SpdxNoAssertion, SpdxNone } from '../../../parsers/model.js';

type Value = string | number | boolean | Actor | LicenseExpression | SpdxNoAssertion | SpdxNone | undefined;

function text(value: Value): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object') return String(value);
  if ('kind' in value) return value.kind;
  if ('text' in value) return value.text;
  return `${value.type}: ${value.name}${value.email ? ` (${value.email})` : ''}`;
}

/** `idLabel`: what the document calls an element's id (`bom-ref` in CycloneDX). */
export function elementFields(element: Element, idLabel = 'SPDXID'): Array<[string, string]> {
  const fields: Array<[string, string]> = [];
  const add = (label: string, value: Value) => {
    const t = text(value);
    if (t !== undefined && t !== '') fields.push([label, t]);
  };
  const addList = (label: string, values: readonly Value[]) => values.forEach((v) => add(label, v));
  add(idLabel, element.spdxId);
  add('type', element.elementType);
  if (element.elementType === 'package') {
    const p = element;
    add('name', p.name);
    add('version', p.version);
    add('file name', p.fileName);
    add('supplier', p.supplier);
    add('originator', p.originator);
    add('download', p.downloadLocation);
    add('homepage', p.homepage);
    add('files analyzed', p.filesAnalyzed);
    if (p.verificationCode) add('verif. code', p.verificationCode.value);
    add('purpose', p.primaryPackagePurpose);
    add('lic. concluded', p.licenseConcluded);
    add('lic. declared', p.licenseDeclared);
    addList('lic. in files', p.licenseInfoFromFiles);
    add('lic. comments', p.licenseComments);
    add('copyright', p.copyrightText);
    add('source info', p.sourceInfo);
    add('summary', p.summary);
    add('description', p.description);
    for (const r of p.externalRefs) add(r.type === 'purl' ? 'purl' : `ref ${r.type}`, r.locator);
    add('released', p.releaseDate);
    add('built', p.builtDate);
    add('valid until', p.validUntilDate);
  } else if (element.elementType === 'file') {
    const f = element;
    add('name', f.name);
    addList('file type', f.fileTypes);
    add('lic. concluded', f.licenseConcluded);
    addList('lic. in file', f.licenseInfoInFiles);
    add('lic. comments', f.licenseComments);
    add('copyright', f.copyrightText);
    add('notice', f.notice);
    addList('contributor', f.contributors);
  } else {
    const s = element;
    add('name', s.name);
    add('from file', s.fromFile);
    for (const r of s.ranges) add(`${r.kind} range`, `${r.start}-${r.end}${r.fileSpdxId ? ` in ${r.fileSpdxId}` : ''}`);
    add('lic. concluded', s.licenseConcluded);
    addList('lic. in snippet', s.licenseInfoInSnippets);
    add('copyright', s.copyrightText);
  }
  add('comment', element.comment);
  addList('attribution', element.attributionTexts);
  for (const a of element.annotations) add('annotation', `${a.type} ${a.date} ${text(a.annotator)}: ${a.comment}`);
  // CycloneDX and SPDX 3 facts with no SPDX 2 field: the reader's own as `cdx type`, the document's as name = value.
  for (const p of element.properties ?? []) {
    const own = /^(cyclonedx|spdx3):(.+)$/.exec(p.name);
    if (own) add(`${own[1] === 'cyclonedx' ? 'cdx' : 'spdx3'} ${own[2]}`, p.value);
    else add('property', `${p.name} = ${p.value}`);
  }
  if (element.position) add('line', element.position.line);
  return fields;
}
