// A valid SPDX 2.3 document in any of the five formats whose document comment is one text value of a given size,
// written in chunks so that generating hundreds of megabytes never holds the value as one string.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Spdx2Format as SbomFormat } from '../../parsers/model.js';

const NAMESPACE = 'https://example.com/spdx/single-value';
const CREATED = '2024-01-01T00:00:00Z';

const TEMPLATES: Record<SbomFormat, [head: string, tail: string]> = {
  'tag-value': [
    `SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\nDocumentName: single-value\nDocumentNamespace: ${NAMESPACE}\nCreator: Tool: kube-sbom-test\nCreated: ${CREATED}\nDocumentComment: <text>`,
    '</text>\n',
  ],
  json: [
    `{"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT","name":"single-value","documentNamespace":"${NAMESPACE}","creationInfo":{"created":"${CREATED}","creators":["Tool: kube-sbom-test"]},"comment":"`,
    '"}\n',
  ],
  yaml: [
    `spdxVersion: SPDX-2.3\ndataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\nname: single-value\ndocumentNamespace: ${NAMESPACE}\ncreationInfo:\n  created: "${CREATED}"\n  creators:\n    - "Tool: kube-sbom-test"\ncomment: `,
    '\n',
  ],
  xml: [
    `<?xml version="1.0" encoding="UTF-8"?>\n<Document>\n  <SPDXID>SPDXRef-DOCUMENT</SPDXID>\n  <spdxVersion>SPDX-2.3</spdxVersion>\n  <dataLicense>CC0-1.0</dataLicense>\n  <name>single-value</name>\n  <documentNamespace>${NAMESPACE}</documentNamespace>\n  <creationInfo>\n    <created>${CREATED}</created>\n    <creators>Tool: kube-sbom-test</creators>\n  </creationInfo>\n  <comment>`,
    '</comment>\n</Document>\n',
  ],
  'rdf-xml': [
    `<?xml version="1.0" encoding="UTF-8"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#" xmlns:spdx="http://spdx.org/rdf/terms#">\n  <spdx:SpdxDocument rdf:about="${NAMESPACE}#SPDXRef-DOCUMENT">\n    <spdx:specVersion>SPDX-2.3</spdx:specVersion>\n    <spdx:dataLicense rdf:resource="http://spdx.org/licenses/CC0-1.0"/>\n    <spdx:name>single-value</spdx:name>\n    <spdx:creationInfo>\n      <spdx:CreationInfo>\n        <spdx:created>${CREATED}</spdx:created>\n        <spdx:creator>Tool: kube-sbom-test</spdx:creator>\n      </spdx:CreationInfo>\n    </spdx:creationInfo>\n    <rdfs:comment>`,
    '</rdfs:comment>\n  </spdx:SpdxDocument>\n</rdf:RDF>\n',
  ],
};

// Plain text every format takes as written (no quotes, colons, markup or escapes), ending in a letter so no trim shortens it.
const WORDS = 'Copyright The Kubernetes Authors and contributors licensed under Apache-2.0 see LICENSE x';
const CHUNK = WORDS.repeat(Math.ceil((1024 * 1024) / WORDS.length)).slice(0, 1024 * 1024 - 1) + 'x';

/**
 * Writes the document; the comment is `valueSize` ASCII characters as written (`unit`, when given, repeated: e.g.
 * an XML entity reference). Returns the file's size in bytes.
 */
export function writeSingleValueSbom(path: string, format: SbomFormat, valueSize: number, unit?: string): number {
  const [head, tail] = TEMPLATES[format];
  const chunk = unit === undefined ? CHUNK : unit.repeat(Math.max(1, Math.floor(CHUNK.length / unit.length)));
  const fd = openSync(path, 'w');
  try {
    let written = writeSync(fd, head);
    for (let left = valueSize; left > 0; left -= chunk.length) written += writeSync(fd, left >= chunk.length ? chunk : chunk.slice(chunk.length - left));
    return written + writeSync(fd, tail);
  } finally {
    closeSync(fd);
  }
}

/** The largest value that keeps the whole document within `maxBytes`. */
export function largestValueWithin(format: SbomFormat, maxBytes: number): number {
  const [head, tail] = TEMPLATES[format];
  return maxBytes - Buffer.byteLength(head) - Buffer.byteLength(tail);
}
