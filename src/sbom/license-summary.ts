// Licenses by count across a document's packages and files: how many name each license at all, how many declare it
// (packages) and how many conclude it; NOASSERTION and NONE are counted like any id, elements naming none apart.
import type { Element, Package, SpdxFile } from '../../parsers/model.js';
import { licenseIdsOf, licenseIdsOfValue } from './license-ids.js';

export interface LicenseCount {
  /** As the document first writes it (ids are compared case-insensitively), NOASSERTION and NONE included. */
  id: string;
  /** Packages naming it in any license field. */
  packages: number;
  /** Files naming it in any license field. */
  files: number;
  /** Packages whose declared license names it. */
  declared: number;
  /** Packages and files whose concluded license names it. */
  concluded: number;
}

export interface LicenseSummary {
  /** Most used first (packages + files), then by id. */
  licenses: LicenseCount[];
  packages: number;
  files: number;
  /** Packages and files with no license field at all. */
  unstated: { packages: number; files: number };
}

export function summarizeLicenses(document: { packages: readonly Package[]; files: readonly SpdxFile[] }): LicenseSummary {
  const counts = new Map<string, LicenseCount>();
  const countOf = (id: string) => {
    const key = id.toLowerCase();
    let count = counts.get(key);
    if (!count) counts.set(key, (count = { id, packages: 0, files: 0, declared: 0, concluded: 0 }));
    return count;
  };
  const unstated = { packages: 0, files: 0 };
  const add = (element: Element, kind: 'packages' | 'files') => {
    const named = unique(licenseIdsOf(element));
    if (named.length === 0) unstated[kind]++;
    for (const id of named) countOf(id)[kind]++;
    for (const id of unique(licenseIdsOfValue(element.licenseConcluded))) countOf(id).concluded++;
    if (element.elementType === 'package') for (const id of unique(licenseIdsOfValue(element.licenseDeclared))) countOf(id).declared++;
  };
  for (const p of document.packages) add(p, 'packages');
  for (const f of document.files) add(f, 'files');
  const licenses = [...counts.values()].sort((a, b) => b.packages + b.files - (a.packages + a.files) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { licenses, packages: document.packages.length, files: document.files.length, unstated };
}

/** One per id, compared case-insensitively (an element counts once per license however often it names it). */
function unique(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => {
    const key = id.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
