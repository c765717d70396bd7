// `kube-sbom inspect` run as a user runs it: output, exit codes, and bad input handled in one line with bounded memory.
import { mkdtempSync, rmSync, writeFileSync, openSync, writeSync, closeSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realdata, realdataMissing, runCli } from '../helpers/cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kube-sbom-inspect-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);
const oneLine = (stderr: string) => expect(stderr.trimEnd().split('\n')).toHaveLength(1);

describe.skipIf(realdataMissing)('inspect on real documents', () => {
  it('prints the ARCHITECTURE.md JSON shape for the Kubernetes v1.25.4 release SBOM', async () => {
    const r = await runCli(['inspect', realdata('k8s/release-sbom/kubernetes-v1.25.4-release.spdx'), '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      format: 'tag-value',
      spdxVersion: 'SPDX-2.3',
      name: 'Kubernetes Release v1.25.4',
      documentNamespace: 'https://sbom.k8s.io/v1.25.4/release',
      created: '2022-11-09T14:33:54Z',
      creators: ['Organization: Kubernetes Release Engineering', 'Tool: sigs.k8s.io/bom/pkg/spdx'],
      counts: { packages: 130, files: 113, snippets: 0, relationships: 268, annotations: 0, extractedLicenses: 0 },
      diagnostics: [],
    });
    expect(r.stderr).toBe('');
  });

  it('prints a short summary and file:line:col diagnostics in text mode, exit 0 with warnings', async () => {
    const file = realdata('spdx/invalid/tools-java-SPDXTagExample-v2.2-warning.spdx');
    const r = await runCli(['inspect', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('SPDX-2.2 tag-value');
    expect(r.stdout).toContain('4 packages, 4 files, 1 snippets');
    expect(r.stdout).toContain(`${file}:49:19: warning LICENSE_DEPRECATED_ID`);
  });

  it('reads the UTF-16 JSON example', async () => {
    const r = await runCli(['inspect', realdata('spdx/edge-cases/utf16/SPDXJSONExample-UTF-16.spdx.json'), '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'json', spdxVersion: 'SPDX-2.2' });
  });
});

describe('inspect on bad input', () => {
  it('exits 3 with one line for a missing file', async () => {
    const r = await runCli(['inspect', join(dir, 'nope.spdx')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/nope\.spdx: no such file.*\[FILE_NOT_FOUND\]/);
    oneLine(r.stderr);
    expect(r.stdout).toBe('');
  });

  it('exits 3 with one line for a directory', async () => {
    const r = await runCli(['inspect', dir, '--json']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/is a directory.*\[IS_A_DIRECTORY\]/);
    oneLine(r.stderr);
    expect(r.stdout).toBe('');
  });

  it.skipIf(process.getuid?.() === 0)('exits 3 for a file it may not read', async () => {
    const file = join(dir, 'secret.spdx');
    writeFileSync(file, 'SPDXVersion: SPDX-2.3\n');
    chmodSync(file, 0o000);
    const r = await runCli(['inspect', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('[PERMISSION_DENIED]');
  });

  it('exits 1 with one line for an empty file, and gives the error in --json too', async () => {
    const file = join(dir, 'empty.spdx');
    writeFileSync(file, '');
    const r = await runCli(['inspect', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/empty\.spdx: error EMPTY_INPUT/);
    oneLine(r.stderr);
    const j = await runCli(['inspect', file, '--json']);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout)).toMatchObject({ format: null, diagnostics: [{ severity: 'error', code: 'EMPTY_INPUT' }] });
  });

  it('exits 1 with one line for a binary file', async () => {
    const file = join(dir, 'tool.spdx');
    writeFileSync(file, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0xff, 0xfe, 0x00, 0x01]));
    const r = await runCli(['inspect', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error BINARY_CONTENT/);
    oneLine(r.stderr);
    noStackTrace(r.stderr);
  });

  it('reads a UTF-8 BOM file, and warns at the line of invalid UTF-8', async () => {
    const file = join(dir, 'bom.spdx');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('SPDXVersion: SPDX-2.3\nDocumentName: a'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]),
    );
    const r = await runCli(['inspect', file, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ format: 'tag-value', spdxVersion: 'SPDX-2.3' });
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: 'INVALID_ENCODING', line: 2 }));
  });

  it('never passes escape sequences from the document to the terminal', async () => {
    const file = join(dir, 'evil.spdx');
    writeFileSync(file, 'SPDXVersion: SPDX-2.3\nDocumentName: evil\u009b31mred\u001b[0m\u001b]0;title\u0007\n');
    const text = await runCli(['inspect', file]);
    expect(text.stdout).toContain('"evilred"');
    expect(text.stdout + text.stderr).not.toMatch(/[\u001b\u009b\u0007]/);
    const json = await runCli(['inspect', file, '--json']);
    expect(json.stdout).not.toMatch(/[\u001b\u009b\u0007]/);
    expect(JSON.parse(json.stdout).name).toBe('evil\u009b31mred\u001b[0m\u001b]0;title\u0007');
  });

  it('exits 1 at the line and column of an unterminated <text>', async () => {
    const file = join(dir, 'broken.spdx');
    writeFileSync(file, 'SPDXVersion: SPDX-2.3\nDocumentName: x\nDocumentComment: <text>never closed\n');
    const r = await runCli(['inspect', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}:3:18: error TAGVALUE_UNTERMINATED_TEXT`);
  });

  it('exits 2 for a bad --max-size and for an unknown option', async () => {
    const bad = await runCli(['inspect', 'x.spdx', '--max-size', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('[BAD_SIZE]');
    const unknown = await runCli(['inspect', 'x.spdx', '--frobnicate']);
    expect(unknown.code).toBe(2);
  });

  it('refuses a file over --max-size without reading it (exit 3)', async () => {
    const file = join(dir, 'big.spdx');
    writeFileSync(file, 'SPDXVersion: SPDX-2.3\n'.repeat(1000));
    const r = await runCli(['inspect', file, '--max-size', '1KiB']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/larger than the 1\.0 KiB limit.*\[INPUT_TOO_LARGE\]/);
    oneLine(r.stderr);
  });

  it('handles a single 200 MB line in one error line, within a bounded heap', async () => {
    const file = join(dir, 'one-line.spdx');
    const fd = openSync(file, 'w');
    const chunk = Buffer.alloc(8 << 20, 'x');
    for (let written = 0; written < 200 << 20; written += chunk.length) writeSync(fd, chunk);
    closeSync(fd);
    // A heap cap a little above the text itself: holding more than one copy of it would crash the run.
    const r = await runCli(['inspect', file], { nodeArgs: ['--max-old-space-size=512'], timeoutMs: 120_000 });
    rmSync(file);
    expect(r.code).toBe(1);
    expect(r.stdout.length + r.stderr.length).toBeLessThan(4000);
    expect(r.stdout + r.stderr).toContain('TAGVALUE_NO_CONTENT');
    noStackTrace(r.stderr);
  }, 180_000);

  it('refuses an XML entity bomb quickly, in one line, within a small heap', async () => {
    const file = join(dir, 'bomb.spdx.xml');
    const entities = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    writeFileSync(file, `<?xml version="1.0"?>\n<!DOCTYPE Document [\n${entities.join('\n')}\n]>\n<Document><name>&lol9;</name></Document>\n`);
    const r = await runCli(['inspect', file], { nodeArgs: ['--max-old-space-size=128'], timeoutMs: 60_000 });
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(3);
    expect(r.stderr).toMatch(/error [A-Z_]+/);
    noStackTrace(r.stderr);
  });
});
