// SPDX documents whose names, ids, comments and image fields carry terminal attacks: ESC and CSI sequences, OSC 52
// (clipboard write), C1 controls (U+009B is a one-byte CSI), bidi overrides and isolates, CR, and spreadsheet formulas.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const ESC = '\u001b';
/** No spaces and no CR, so it fits a tag-value SPDXID and relationship line. */
export const HOSTILE_ID_PART = `${ESC}[31m\u009b2J${ESC}]52;c;ZXZpbA==\u0007\u202eevil\u202c\u2066x\u2069\u0085\u007f`;
/** Everything, CR and the other bidi controls included. */
export const HOSTILE_TEXT = `${HOSTILE_ID_PART} \r carriage \u202a\u202b\u202d\u2067\u2068 bell\u0007 ${ESC}]0;title${ESC}\\ end`;

/** Raw characters that must never reach stdout or stderr (tab and newline are allowed in text). */
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

const SHA1 = 'a'.repeat(40);
const DIGEST = `sha256:${'b'.repeat(64)}`;
// Percent-encoded in the purl, decoded by the parser: the image's repository, tag, arch and os become hostile.
const enc = (s: string) => encodeURIComponent(s);
const PURL =
  `pkg:oci/evil@${DIGEST}?repository_url=${enc(`registry.example.com/ev${ESC}[31mil\u202e`)}` +
  `&tag=${enc(`=HYPERLINK("http://x")${HOSTILE_ID_PART}\r`)}&arch=${enc(`+amd64${HOSTILE_ID_PART}`)}&os=${enc(`@linux\u2066`)}`;

// A valid reference whose other image fields (architecture, os) carry the attacks: the reference itself is checked
// against the OCI grammar, so an attack there (PURL above) leaves the image out with a warning instead.
export const GOOD_IMAGE = `registry.example.com/good@${DIGEST}`;
const GOOD_PURL = `pkg:oci/good@${DIGEST}?repository_url=registry.example.com/good&arch=${enc(`+amd64${HOSTILE_ID_PART}`)}&os=${enc(`@linux\u2066`)}`;

const ids = {
  pkg: `SPDXRef-pkg-${HOSTILE_ID_PART}`,
  image: 'SPDXRef-image',
  goodImage: 'SPDXRef-good-image',
  file: `SPDXRef-file-${HOSTILE_ID_PART}`,
};

export function hostileTagValue(): string {
  return [
    'SPDXVersion: SPDX-2.3',
    'DataLicense: CC0-1.0',
    'SPDXID: SPDXRef-DOCUMENT',
    `DocumentName: =cmd|' /C calc'!A0 ${HOSTILE_TEXT}`,
    `DocumentNamespace: https://example.com/${HOSTILE_ID_PART}`,
    `Creator: Tool: ${HOSTILE_ID_PART}`,
    'Created: 2024-01-01T00:00:00Z',
    `DocumentComment: <text>${HOSTILE_TEXT}</text>`,
    '',
    `PackageName: =HYPERLINK("http://evil")${HOSTILE_TEXT}`,
    `SPDXID: ${ids.pkg}`,
    `PackageVersion: -2+3${HOSTILE_ID_PART}`,
    'PackageDownloadLocation: NOASSERTION',
    'FilesAnalyzed: false',
    `PackageComment: <text>${HOSTILE_TEXT}</text>`,
    '',
    `PackageName: @image${HOSTILE_ID_PART}`,
    `SPDXID: ${ids.image}`,
    'PackageDownloadLocation: NOASSERTION',
    'FilesAnalyzed: false',
    `ExternalRef: PACKAGE-MANAGER purl ${PURL}`,
    '',
    `PackageName: -good${HOSTILE_ID_PART}`,
    `SPDXID: ${ids.goodImage}`,
    'PackageDownloadLocation: NOASSERTION',
    'FilesAnalyzed: false',
    `ExternalRef: PACKAGE-MANAGER purl ${GOOD_PURL}`,
    '',
    `FileName: ./+file${HOSTILE_ID_PART}`,
    `SPDXID: ${ids.file}`,
    `FileChecksum: SHA1: ${SHA1}`,
    `FileComment: <text>${HOSTILE_TEXT}</text>`,
    '',
    `Relationship: SPDXRef-DOCUMENT DESCRIBES ${ids.pkg}`,
    `Relationship: SPDXRef-DOCUMENT DESCRIBES ${ids.image}`,
    `Relationship: SPDXRef-DOCUMENT DESCRIBES ${ids.goodImage}`,
    `Relationship: ${ids.pkg} CONTAINS ${ids.file}`,
    `Relationship: ${ids.pkg} DEPENDS_ON SPDXRef-missing-${HOSTILE_ID_PART}`,
    `${HOSTILE_ID_PART}Unknown: ${HOSTILE_TEXT}`,
    '',
  ].join('\n');
}

export function hostileJson(): string {
  const withCr = (id: string) => `${id}\r`;
  return JSON.stringify({
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: `=cmd|' /C calc'!A0 ${HOSTILE_TEXT}`,
    documentNamespace: `https://example.com/${HOSTILE_ID_PART}`,
    creationInfo: { created: '2024-01-01T00:00:00Z', creators: [`Tool: ${HOSTILE_TEXT}`] },
    comment: HOSTILE_TEXT,
    packages: [
      {
        SPDXID: withCr(ids.pkg),
        name: `=HYPERLINK("http://evil")${HOSTILE_TEXT}`,
        versionInfo: `-2+3${HOSTILE_TEXT}`,
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        comment: HOSTILE_TEXT,
      },
      {
        SPDXID: ids.image,
        name: `@image${HOSTILE_TEXT}`,
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: PURL }],
      },
      {
        SPDXID: ids.goodImage,
        name: `-good${HOSTILE_TEXT}`,
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: GOOD_PURL }],
      },
    ],
    files: [{ SPDXID: ids.file, fileName: `./+file${HOSTILE_TEXT}`, checksums: [{ algorithm: 'SHA1', checksumValue: SHA1 }], comment: HOSTILE_TEXT }],
    relationships: [
      { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: withCr(ids.pkg) },
      { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: ids.image },
      { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: ids.goodImage },
      { spdxElementId: withCr(ids.pkg), relationshipType: 'CONTAINS', relatedSpdxElement: ids.file },
      { spdxElementId: withCr(ids.pkg), relationshipType: 'DEPENDS_ON', relatedSpdxElement: `SPDXRef-missing-${HOSTILE_TEXT}` },
    ],
    [`${HOSTILE_ID_PART}unknownField`]: HOSTILE_TEXT,
  });
}

/** Writes both documents into dir; returns their paths. */
export async function writeHostileDocuments(dir: string): Promise<{ tagValue: string; json: string }> {
  const paths = { tagValue: join(dir, 'hostile.spdx'), json: join(dir, 'hostile.spdx.json') };
  await Promise.all([writeFile(paths.tagValue, hostileTagValue()), writeFile(paths.json, hostileJson())]);
  return paths;
}
