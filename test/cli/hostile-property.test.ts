// Random attacks in every field: documents whose strings mix control characters, escape sequences, bidi controls,
// line separators and spreadsheet formula starts go through every command in every output format, to stdout and
// into files; nothing raw comes out and no CSV cell can start a formula.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { parseCsv } from '../helpers/csv-parse.js';
import { RAW_CONTROL } from '../helpers/hostile-sbom.js';

type Kind = 'text' | 'json' | 'csv' | 'yaml';

const DANGEROUS = [
  '\u001b[2J',
  '\u001b]52;c;ZXZpbA==\u0007',
  '\u001b]8;;http://x\u001b\\',
  '\u009b31m',
  '\u0085',
  '\u007f',
  '\u0008',
  '\r',
  '\n',
  '\t',
  '\u0000',
  '\u202e',
  '\u202a',
  '\u2066',
  '\u2069',
  '\u2028',
  '\u2029',
  '=',
  '+',
  '-',
  '@',
  '=HYPERLINK("http://x")',
  '"',
  ',',
  'a',
  'Z',
  '1',
  ' ',
];
/** A string that starts with anything, including a formula character, and holds any mix of the above. */
const hostile = fc.array(fc.constantFrom(...DANGEROUS), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));

const DIGEST = `sha256:${'c'.repeat(64)}`;

interface Strings {
  documentName: string;
  creator: string;
  comment: string;
  packageName: string;
  version: string;
  supplier: string;
  packageComment: string;
  arch: string;
  os: string;
  fileName: string;
  fileComment: string;
  relationshipComment: string;
  annotation: string;
}

const strings: fc.Arbitrary<Strings> = fc.record({
  documentName: hostile,
  creator: hostile,
  comment: hostile,
  packageName: hostile,
  version: hostile,
  supplier: hostile,
  packageComment: hostile,
  arch: hostile,
  os: hostile,
  fileName: hostile,
  fileComment: hostile,
  relationshipComment: hostile,
  annotation: hostile,
});

function documentFrom(s: Strings): string {
  const purl = `pkg:oci/pause@${DIGEST}?repository_url=registry.k8s.io&arch=${encodeURIComponent(s.arch)}&os=${encodeURIComponent(s.os)}`;
  return JSON.stringify({
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: s.documentName,
    documentNamespace: `https://example.com/${encodeURIComponent(s.documentName)}`,
    creationInfo: { created: '2024-01-01T00:00:00Z', creators: [`Tool: ${s.creator}`], comment: s.comment },
    comment: s.comment,
    packages: [
      {
        SPDXID: 'SPDXRef-image',
        name: s.packageName,
        versionInfo: s.version,
        supplier: `Organization: ${s.supplier}`,
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        comment: s.packageComment,
        licenseComments: s.packageComment,
        externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: purl, comment: s.packageComment }],
        annotations: [{ annotationDate: '2024-01-01T00:00:00Z', annotationType: 'REVIEW', annotator: `Person: ${s.creator}`, comment: s.annotation }],
      },
    ],
    files: [{ SPDXID: 'SPDXRef-file', fileName: s.fileName, checksums: [{ algorithm: 'SHA1', checksumValue: 'a'.repeat(40) }], comment: s.fileComment }],
    relationships: [
      { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-image' },
      { spdxElementId: 'SPDXRef-image', relationshipType: 'CONTAINS', relatedSpdxElement: 'SPDXRef-file', comment: s.relationshipComment },
    ],
  });
}

const FIELDS = 'type,spdxId,name,version,purl,checksums,fileName,downloadLocation,licenseConcluded,line';
const RUNS: [string[], Kind][] = [
  [['inspect'], 'text'],
  [['inspect', '--json'], 'json'],
  [['validate'], 'text'],
  [['validate', '--json'], 'json'],
  [['outline'], 'text'],
  [['outline', '--json'], 'json'],
  [['query', '__DOC__', 'name:.', '--fields', FIELDS], 'text'],
  [['query', '__DOC__', 'name:.', '--fields', FIELDS, '--format', 'json'], 'json'],
  [['query', '__DOC__', 'name:.', '--fields', FIELDS, '--format', 'csv'], 'csv'],
  [['images'], 'text'],
  [['images', '--format', 'json'], 'json'],
  [['images', '--format', 'csv'], 'csv'],
  [['images', '--format', 'yaml'], 'yaml'],
  [['images', '--format', 'md'], 'text'],
];

function argsFor(run: string[], doc: string): string[] {
  return run.includes('__DOC__') ? run.map((a) => (a === '__DOC__' ? doc : a)) : [run[0]!, doc, ...run.slice(1)];
}

/** Says what is wrong with one output, or undefined when it is inert. */
function problem(text: string, kind: Kind): string | undefined {
  const raw = RAW_CONTROL.exec(kind === 'csv' ? text.replace(/\r\n/g, '\n') : text);
  if (raw) return `raw U+${raw[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${raw.index}`;
  if (kind === 'json') {
    try {
      JSON.parse(text);
    } catch (err) {
      return `not JSON: ${(err as Error).message}`;
    }
  }
  if (kind === 'csv') {
    const formula = parseCsv(text)
      .flat()
      .find((cell) => /^[=+\-@\t\r]/.test(cell));
    if (formula !== undefined) return `a CSV cell starts a formula: ${JSON.stringify(formula)}`;
  }
  return undefined;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kube-sbom-hostile-property-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('random hostile strings in every field, every command and format', () => {
  it('never put a raw control or bidi character on stdout, stderr or into a file, nor a formula into a CSV cell', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(strings, async (s) => {
        const doc = join(dir, `doc-${n++}.spdx.json`);
        await writeFile(doc, documentFrom(s));
        const results = await Promise.all(RUNS.map(async ([run, kind]) => ({ run, kind, result: await runCli(argsFor(run, doc)) })));
        for (const { run, kind, result } of results) {
          expect([0, 1], `${run.join(' ')}: ${result.stderr}`).toContain(result.code);
          expect(problem(result.stdout, kind), `${run.join(' ')} stdout`).toBeUndefined();
          expect(problem(result.stderr, 'text'), `${run.join(' ')} stderr`).toBeUndefined();
        }
        for (const format of ['txt', 'json', 'csv', 'yaml', 'md'] as const) {
          const out = join(dir, `images-${n}.${format}`);
          const result = await runCli(['images', doc, '--format', format, '-o', out]);
          expect(result.code, result.stderr).toBe(0);
          const kind: Kind = format === 'txt' || format === 'md' ? 'text' : format;
          expect(problem(await readFile(out, 'utf8'), kind), `images -o ${format}`).toBeUndefined();
        }
      }),
      { numRuns: 6, seed: 20261204 },
    );
  }, 180_000);
});
