// inspect's text output stays readable: a problem repeated on every file is listed twenty times and then counted,
// and a file that is not SPDX at all gets that one verdict, not the syntax errors of reading it as YAML first.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'kube-sbom-inspect-brevity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function manyFilesWithoutChecksums(count: number): string {
  const head = [
    'SPDXVersion: SPDX-2.3',
    'DataLicense: CC0-1.0',
    'SPDXID: SPDXRef-DOCUMENT',
    'DocumentName: many',
    'DocumentNamespace: https://example.com/many',
  ];
  const files = Array.from({ length: count }, (_, i) => `FileName: ./f${i}\nSPDXID: SPDXRef-f${i}\n`);
  return [...head, 'Creator: Tool: test', 'Created: 2024-01-01T00:00:00Z', '', ...files].join('\n');
}

describe('inspect text output', () => {
  it('lists the first 20 of a repeated problem and counts the rest; --json keeps them all', async () => {
    const file = join(dir, 'many.spdx');
    writeFileSync(file, manyFilesWithoutChecksums(50));
    const text = await runCli(['inspect', file]);
    expect(text.stdout.match(/MISSING_REQUIRED_FIELD: file/g)).toHaveLength(20);
    expect(text.stdout).toContain('... and 30 more MISSING_REQUIRED_FIELD (--json lists them all)');
    const json = JSON.parse((await runCli(['inspect', file, '--json'])).stdout) as { diagnostics: { code: string }[] };
    expect(json.diagnostics.filter((d) => d.code === 'MISSING_REQUIRED_FIELD')).toHaveLength(50);
  });

  it('says in one line that a Markdown file is not SPDX, with how many other errors --json holds', async () => {
    // A bullet list reads as (broken) YAML before the file is found not to be SPDX: the syntax errors came first.
    const file = join(dir, 'README.md');
    writeFileSync(
      file,
      '# Title\n\nWhat it does, in short.\n\n- downloads and verifies: the SBOM\n- `parses` it for real\n\nMore text: with a colon\nand a line `after` it\n',
    );
    const run = await runCli(['inspect', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/NOT_SPDX_DOCUMENT.*more error\(s\): --json lists them/);
  });
});
