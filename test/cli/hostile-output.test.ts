// Every command that reads a document, in every output format, on documents built to attack a terminal or a
// spreadsheet: no raw control or bidi character on stdout, stderr or an -o file; JSON parses; CSV cells are inert.
import { tmpdir } from 'node:os';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { parseCsv } from '../helpers/csv-parse.js';
import { GOOD_IMAGE, RAW_CONTROL, writeHostileDocuments } from '../helpers/hostile-sbom.js';

type Kind = 'text' | 'json' | 'csv' | 'yaml';

let dir: string;
let docs: { tagValue: string; json: string };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kube-sbom-hostile-'));
  docs = await writeHostileDocuments(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const ALL_FIELDS = 'type,spdxId,name,version,purl,checksums,fileName,downloadLocation,licenseConcluded,line';
// The escaped form of U+202E that the text sanitiser, the JSON/YAML writers and the CSV writer all print.
const SHOWN_ESCAPED = '\\u202e';

/** Label, arguments after the document path, what the output is, and whether document strings must show up in it. */
const RUNS: [string, (doc: string) => string[], Kind][] = [
  ['inspect', (d) => ['inspect', d], 'text'],
  ['inspect --json', (d) => ['inspect', d, '--json'], 'json'],
  ['validate', (d) => ['validate', d], 'text'],
  ['validate --format json', (d) => ['validate', d, '--format', 'json'], 'json'],
  ['outline', (d) => ['outline', d], 'text'],
  ['outline --json', (d) => ['outline', d, '--json'], 'json'],
  ['query text', (d) => ['query', d, 'name:.', '--fields', ALL_FIELDS], 'text'],
  ['query json', (d) => ['query', d, 'name:.', '--fields', ALL_FIELDS, '--format', 'json'], 'json'],
  ['query csv', (d) => ['query', d, 'name:.', '--fields', ALL_FIELDS, '--format', 'csv'], 'csv'],
  ['images txt', (d) => ['images', d], 'text'],
  ['images json', (d) => ['images', d, '--format', 'json'], 'json'],
  ['images csv', (d) => ['images', d, '--format', 'csv'], 'csv'],
  ['images yaml', (d) => ['images', d, '--format', 'yaml'], 'yaml'],
  ['images md', (d) => ['images', d, '--format', 'md'], 'text'],
  ['export cyclonedx-json', (d) => ['export', d, '--format', 'cyclonedx-json'], 'json'],
  ['export spdx-json', (d) => ['export', d, '--format', 'spdx-json'], 'json'],
  ['export --images cyclonedx-json', (d) => ['export', d, '--images', '--format', 'cyclonedx-json'], 'json'],
  ['export --images spdx-json', (d) => ['export', d, '--images', '--format', 'spdx-json'], 'json'],
];

/** CSV records end in CRLF (RFC 4180); any other CR would be raw. */
const withoutRecordEnds = (text: string, kind: Kind) => (kind === 'csv' ? text.replace(/\r\n/g, '\n') : text);

function expectInert(text: string, kind: Kind, what: string): void {
  const raw = RAW_CONTROL.exec(withoutRecordEnds(text, kind));
  expect(raw && `${what}: raw U+${raw[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${raw.index}`).toBeNull();
  if (kind === 'json') expect(() => JSON.parse(text)).not.toThrow();
  if (kind === 'csv') {
    const cells = parseCsv(text).flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(cells.some((c) => /^'[=+\-@]/.test(c))).toBe(true);
  }
}

describe.each(['tagValue', 'json'] as const)('hostile %s document', (docKind) => {
  it.each(RUNS)('%s: stdout and stderr hold no raw control character', async (_label, args, kind) => {
    const r = await runCli(args(docs[docKind]));
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).not.toBe('');
    expectInert(r.stdout, kind, 'stdout');
    expectInert(r.stderr, 'text', 'stderr');
    // The document's strings did reach the output, escaped: the check above looked at something.
    expect(r.stdout + r.stderr).toContain(SHOWN_ESCAPED);
  });

  it.each(['txt', 'json', 'csv', 'yaml', 'md'])('images --format %s -o FILE: the file is as inert as stdout', async (format) => {
    const out = join(dir, `${docKind}-images.${format}`);
    const r = await runCli(['images', docs[docKind], '--format', format, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expectInert(r.stderr, 'text', 'stderr');
    const kind: Kind = format === 'txt' || format === 'md' ? 'text' : (format as Kind);
    const written = await readFile(out, 'utf8');
    expectInert(written, kind, out);
    // The image whose reference carries the attack is left out, and said so; the other one is listed.
    expect(r.stderr).toMatch(/SPDXRef-image: left out/);
    if (format === 'txt') expect(written).toBe(`${GOOD_IMAGE}\n`);
    else expect(written).toContain(SHOWN_ESCAPED);
  });

  it('JSON output keeps the values: escaped on the wire, equal once parsed', async () => {
    const r = await runCli(['inspect', docs[docKind], '--json']);
    const report = JSON.parse(r.stdout) as { name: string };
    expect(report.name).toContain('\u202e');
    expect(report.name).toContain('\u009b');
  });
});
