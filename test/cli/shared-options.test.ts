// One grammar: --input-format is what a document is, --format/--json what to print, --no-color and --quiet everywhere,
// the old `inspect --format tag-value` refused with a hint, and every help text words the shared options alike.
import { tmpdir } from 'node:os';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

let dir: string;
let tagValue: string;

// A small valid SPDX 2.3 tag-value document without images (so `images` warns that it found none).
const TAG_VALUE = [
  'SPDXVersion: SPDX-2.3',
  'DataLicense: CC0-1.0',
  'SPDXID: SPDXRef-DOCUMENT',
  'DocumentName: small',
  'DocumentNamespace: https://example.com/small',
  'Creator: Tool: test',
  'Created: 2024-01-01T00:00:00Z',
  '',
  'PackageName: app',
  'SPDXID: SPDXRef-app',
  'PackageDownloadLocation: NOASSERTION',
  'FilesAnalyzed: false',
  '',
  'Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-app',
  '',
].join('\n');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kube-sbom-shared-options-'));
  tagValue = join(dir, 'small.spdx');
  await writeFile(tagValue, TAG_VALUE);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const ALL_COMMANDS = [
  'inspect',
  'validate',
  'outline',
  'query',
  'images',
  'verify-sbom',
  'verify-binary',
  'verify-blob',
  'verify-image',
  'verify-images',
  'verify-release',
  'pin',
  'check',
  'policy',
  'tui',
];
const JSON_COMMANDS = ALL_COMMANDS.filter((c) => c !== 'tui');
const DOCUMENT_COMMANDS = ['inspect', 'validate', 'outline', 'query', 'images'];
const flat = (help: string) => help.replace(/\s+/g, ' ');

describe('--input-format and --format', () => {
  it('inspect --format json prints JSON about a tag-value document instead of calling it malformed JSON', async () => {
    const r = await runCli(['inspect', tagValue, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'tag-value', summary: { errors: 0 } });
  });

  it('validate --format json: the same', async () => {
    const r = await runCli(['validate', tagValue, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: true, format: 'tag-value' });
  });

  it.each(['inspect', 'validate'])('%s --input-format reads the document as that format', async (name) => {
    const right = await runCli([name, tagValue, '--input-format', 'tag-value', '--json']);
    expect(right.code).toBe(0);
    expect(JSON.parse(right.stdout).format).toBe('tag-value');
    const wrong = await runCli([name, tagValue, '--input-format', 'json', '--json']);
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stdout).diagnostics[0].code).toBe('JSON_SYNTAX');
  });

  it.each([
    ['inspect', 'tag-value'],
    ['validate', 'tag-value'],
    ['outline', 'yaml'],
    ['query', 'rdf-xml'],
    ['images', 'xml'],
  ])('%s --format %s (an input format) is a usage error naming --input-format', async (name, format) => {
    const args = name === 'query' ? [name, tagValue, 'type:package'] : [name, tagValue];
    const r = await runCli([...args, '--format', format]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`use --input-format ${format}`);
  });
});

describe('--no-color and --quiet', () => {
  it.each(ALL_COMMANDS)('%s accepts --no-color', async (name) => {
    // Commander names the first unknown option: if --no-color were unknown, it would be the one named.
    const r = await runCli([name, '--no-color', '--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--frobnicate'");
  });

  it.each(JSON_COMMANDS)('%s accepts --quiet and -q', async (name) => {
    const r = await runCli([name, '--quiet', '-q', '--frobnicate']);
    expect(r.stderr).toContain("unknown option '--frobnicate'");
  });

  it('--quiet silences warnings but not the output', async () => {
    const loud = await runCli(['images', tagValue]);
    expect(loud.stderr).toContain('warning: no images found');
    const quiet = await runCli(['images', tagValue, '--quiet', '--json']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(JSON.parse(quiet.stdout)).toMatchObject({ count: 0 });
  });

  it('--quiet never silences an error', async () => {
    const r = await runCli(['inspect', join(dir, 'missing.spdx'), '--quiet']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('FILE_NOT_FOUND');
  });
});

describe('help texts come from the one declaration', () => {
  const helps = new Map<string, string>();
  beforeAll(async () => {
    for (const name of ALL_COMMANDS) helps.set(name, flat((await runCli([name, '--help'])).stdout));
  });

  it.each(ALL_COMMANDS)('%s --help: --no-color in the shared words', (name) => {
    expect(helps.get(name)).toContain('--no-color no colour in the output (NO_COLOR=1 does the same)');
  });

  it.each(JSON_COMMANDS)('%s --help: --json and --quiet in the shared words', (name) => {
    expect(helps.get(name)).toContain('--json print exactly one JSON document on stdout, errors included');
    expect(helps.get(name)).toContain('-q, --quiet no progress and no warnings on stderr (errors are still printed)');
  });

  it.each(DOCUMENT_COMMANDS)('%s --help: --input-format and --format in the shared words', (name) => {
    expect(helps.get(name)).toContain(
      '--input-format <format> read the document as this format instead of detecting it (choices: "tag-value", "json", "yaml", "xml", "rdf-xml", "cyclonedx-json", "cyclonedx-xml", "spdx3-json")',
    );
    expect(helps.get(name)).toContain('--format <format> what to print; --json is the same as --format json');
  });
});
