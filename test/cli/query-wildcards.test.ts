// A purl wildcard against a long purl from a hostile document finishes at once (it took more than 20 s when `*`
// was a backtracking `.*`).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runCli } from '../helpers/cli.js';

const longPurl = `pkg:generic/${'a'.repeat(20_000)}@1`;
const document = `SPDXVersion: SPDX-2.3
DataLicense: CC0-1.0
SPDXID: SPDXRef-DOCUMENT
DocumentName: long-purl
DocumentNamespace: https://example.com/long-purl
Creator: Tool: test
Created: 2024-01-01T00:00:00Z

PackageName: long
SPDXID: SPDXRef-Package-long
PackageDownloadLocation: NOASSERTION
FilesAnalyzed: false
ExternalRef: PACKAGE-MANAGER purl ${longPurl}

Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-Package-long
`;

describe('query purl wildcards', () => {
  it('match a 20,000-character purl without backtracking, and still match what they should', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kube-sbom-glob-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'long.spdx');
    writeFileSync(file, document);
    const none = await runCli(['query', file, 'purl:*a*a*a*a*a*b', '--format', 'json'], { timeoutMs: 15_000 });
    expect(none.code, none.stderr).not.toBeNull();
    expect(JSON.parse(none.stdout).count).toBe(0);
    const some = await runCli(['query', file, 'purl:pkg:*a*a*a*a*a@1', '--format', 'json'], { timeoutMs: 15_000 });
    expect(some.code, some.stderr).toBe(0);
    expect(JSON.parse(some.stdout).results.map((e: { spdxId: string }) => e.spdxId)).toEqual(['SPDXRef-Package-long']);
  });
});
