// An encoding problem never turns validation off: a document with four spec errors and one invalid byte (or a
// UTF-16 file cut at an odd byte) is still judged in full, and the bad bytes are an error of their own.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runCli } from '../helpers/cli.js';

const FOUR_ERRORS = `SPDXVersion: SPDX-2.3
DataLicense: CC0-1.0
SPDXID: SPDXRef-DOCUMENT
DocumentName: four-errors
DocumentNamespace: https://example.com/four-errors
Creator: Tool: test
Created: 2024-01-01T00:00:00Z

PackageName: cafe
SPDXID: SPDXRef-Package-a
FilesAnalyzed: false
PackageChecksum: SHA256: abc
PackageLicenseConcluded: MIT AND AND Apache-2.0

Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-Package-a
Relationship: SPDXRef-Package-a DEPENDS_ON SPDXRef-Package-missing
`;
const SPEC_ERRORS = ['CHECKSUM_FORMAT', 'LICENSE_EXPRESSION_INVALID', 'MISSING_REQUIRED_FIELD', 'RELATIONSHIP_UNKNOWN_ELEMENT'];

interface ValidateJson {
  valid: boolean;
  diagnostics: { severity: string; code: string }[];
}

async function validateBytes(name: string, bytes: Buffer): Promise<{ code: number | null; report: ValidateJson }> {
  const dir = mkdtempSync(join(tmpdir(), 'kube-sbom-validate-encoding-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const run = await runCli(['validate', file, '--json']);
  return { code: run.code, report: JSON.parse(run.stdout) as ValidateJson };
}

const errorCodes = (report: ValidateJson) => [...new Set(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code))].sort();

describe('validate with encoding problems', () => {
  it('the clean document has its four spec errors', async () => {
    const { code, report } = await validateBytes('clean.spdx', Buffer.from(FOUR_ERRORS));
    expect(code).toBe(1);
    expect(errorCodes(report)).toEqual(SPEC_ERRORS);
  });

  it('one invalid UTF-8 byte keeps all four and adds INVALID_ENCODING as an error', async () => {
    const bytes = Buffer.from(FOUR_ERRORS.replace('cafe', 'caf\u0000'));
    bytes[bytes.indexOf(0)] = 0xe9; // a Latin-1 é: not UTF-8
    const { code, report } = await validateBytes('latin1.spdx', bytes);
    expect(code).toBe(1);
    expect(report.valid).toBe(false);
    expect(errorCodes(report)).toEqual(['INVALID_ENCODING', ...SPEC_ERRORS].sort());
  });

  it('a UTF-16 file cut at an odd byte keeps all four and adds INVALID_ENCODING as an error', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FOUR_ERRORS, 'utf16le')]);
    const { code, report } = await validateBytes('utf16.spdx', utf16.subarray(0, utf16.length - 1));
    expect(code).toBe(1);
    expect(report.valid).toBe(false);
    expect(errorCodes(report)).toEqual(['INVALID_ENCODING', ...SPEC_ERRORS].sort());
  });
});
