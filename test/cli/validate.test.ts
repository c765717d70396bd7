// `kube-sbom validate` run as a user runs it: exit 1 for every invalid document, 0 for the official examples,
// one JSON document with --json, one `file:line:col: severity CODE message` line per problem otherwise.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realdata, realdataMissing, runCli } from '../helpers/cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kube-sbom-validate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INVALID = [
  'guac-invalid-spdx-identifier.json',
  'guac-invalid-spdx.json',
  'tools-java-BadJSON.spdx.json',
  'tools-java-SPDXJSONExample-wrongversion.spdx.json',
  'tools-java-SPDXWrongVersion.spdx.json',
  'tools-python-INVALID-trivy-vmware-fluentd.spdx.json',
  'tools-python-file_without_spdx_ids.rdf.xml',
  'tools-python-invalid_creation_info.rdf.xml',
  'tools-python-invalid_creation_info_with_snippet.rdf.xml',
];
const OFFICIAL = [
  '2.2/SPDXJSONExample-v2.2.spdx.json',
  '2.2/SPDXXMLExample-v2.2.spdx.xml',
  '2.2/SPDXRdfExample-v2.2.spdx.rdf.xml',
  '2.2/SPDXTagExample-v2.2.spdx',
  '2.3/SPDXJSONExample-v2.3.spdx.json',
  '2.3/SPDXYAMLExample-2.3.spdx.yaml',
  '2.3/SPDXXMLExample-v2.3.spdx.xml',
  '2.3/SPDXRdfExample-v2.3.spdx.rdf.xml',
  '2.3/SPDXTagExample-v2.3.spdx',
];

describe.skipIf(realdataMissing)('validate on real documents', () => {
  it.each(INVALID)('invalid/%s exits 1 and says why', async (name) => {
    const r = await runCli(['validate', realdata('spdx/invalid', name)]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/: INVALID \(.+\): [1-9]\d* errors, \d+ warnings$/);
    expect(lines.some((l) => / error [A-Z_]+ /.test(l))).toBe(true);
    expect(r.stderr).toBe('');
  });

  it.each(OFFICIAL)('official %s exits 0', async (name) => {
    const r = await runCli(['validate', realdata('spdx/official', name), '--json']);
    const report = JSON.parse(r.stdout);
    expect(report.diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
    expect(report.valid).toBe(true);
    expect(r.code).toBe(0);
  });

  it('the official 2.2 YAML example is malformed YAML (unescaped quotes at lines 322-324) and is reported so', async () => {
    const r = await runCli(['validate', realdata('spdx/official/2.2/SPDXYAMLExample-2.2.spdx.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('SPDXYAMLExample-2.2.spdx.yaml:322:15: error YAML_SYNTAX malformed YAML');
  });

  it('prints exactly one JSON document with the contract keys', async () => {
    const r = await runCli(['validate', realdata('spdx/invalid/tools-java-BadJSON.spdx.json'), '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['valid', 'format', 'spdxVersion', 'diagnostics']);
    expect(report).toMatchObject({ valid: false, format: 'json', spdxVersion: 'SPDX-2.2' });
    expect(report.diagnostics[0]).toEqual({
      severity: 'error',
      code: 'JSON_NOT_A_LIST',
      message: 'expected a list, found a single string; read as a one-element list',
      line: 7,
      column: 18,
      path: 'creationInfo.creators',
    });
  });

  it('prints file:line:col: severity CODE message lines', async () => {
    const file = realdata('spdx/invalid/tools-java-SPDXWrongVersion.spdx.json');
    const r = await runCli(['validate', file]);
    expect(r.stdout.split('\n')[0]).toBe(
      `${file}:3:19: error SPDX_VERSION_UNKNOWN spdxVersion "SPDX-2.2.1" is not a known SPDX 2.x version (SPDX-2.2 or SPDX-2.3) (at spdxVersion)`,
    );
  });

  it('warnings pass unless --strict-warnings', async () => {
    const file = realdata('spdx/invalid/tools-java-SPDXTagExample-v2.2-warning.spdx');
    const lenient = await runCli(['validate', file]);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain(`${file}:49:19: warning LICENSE_DEPRECATED_ID license id LGPL-2.0 is deprecated`);
    const strict = await runCli(['validate', file, '--strict-warnings']);
    expect(strict.code).toBe(1);
  });

  it('--spdx-version judges a document by another version', async () => {
    const r = await runCli(['validate', realdata('spdx/official/2.3/SPDXJSONExample-v2.3.spdx.json'), '--spdx-version', 'SPDX-2.2', '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.spdxVersion).toBe('SPDX-2.2');
    expect(report.diagnostics.map((d: { code: string }) => d.code)).toContain('VERSION_FIELD');
  });
});

describe('validate on bad input', () => {
  it('a missing file is exit 3 with one line', async () => {
    const r = await runCli(['validate', join(dir, 'nope.json')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^kube-sbom: .*nope\.json: no such file; check the path \[FILE_NOT_FOUND\]\n$/);
  });

  it('a directory is exit 3', async () => {
    const r = await runCli(['validate', dir]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('[IS_A_DIRECTORY]');
  });

  it('an empty file is an invalid document: exit 1, the read error only', async () => {
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '');
    const r = await runCli(['validate', empty, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(['EMPTY_INPUT']);
  });

  it('malformed JSON is exit 1 with its line and column', async () => {
    const bad = join(dir, 'bad.spdx.json');
    writeFileSync(bad, '{\n  "spdxVersion": "SPDX-2.3",\n  "name": \n}\n');
    const r = await runCli(['validate', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(`${bad}:4:1: error JSON_SYNTAX malformed JSON: unexpected "}"`);
  });

  it('an --spdx-version that is not one is a usage error (exit 2)', async () => {
    const r = await runCli(['validate', join(dir, 'whatever.json'), '--spdx-version', '2.3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[BAD_SPDX_VERSION]');
  });

  it('no file argument is a usage error (exit 2)', async () => {
    const r = await runCli(['validate']);
    expect(r.code).toBe(2);
  });
});
