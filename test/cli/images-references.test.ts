// Every image reference the tool prints or writes is one OCI reference: a purl or a name that smuggles a newline,
// a second registry or spreadsheet syntax is left out with a warning, never printed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseReference } from '../../src/registry/reference.js';
import { runCli } from '../helpers/cli.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const GOOD = `pkg:oci/pause@${DIGEST}?repository_url=registry.k8s.io&tag=3.9`;
const HOSTILE = [
  `pkg:oci/pause@${DIGEST}?repository_url=registry.k8s.io%0Aregistry.evil.example/x:latest`,
  `pkg:oci/calc@${DIGEST}?repository_url=registry.k8s.io/%3Dcmd%7C'%20/C%20calc'!A0`,
  `pkg:oci/pause@${DIGEST}?repository_url=registry.k8s.io&tag=3.9%0Aregistry.evil.example/y:latest`,
  `pkg:oci/pause@${DIGEST}?repository_url=registry.k8s.io%1B%5D52;c;ZXZpbA==%07`,
];

function documentWith(purls: string[]): string {
  const packages = purls.map((locator, i) => ({
    SPDXID: `SPDXRef-Package-image-${i}`,
    name: `image-${i}`,
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: locator }],
  }));
  return JSON.stringify({
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'hostile image purls',
    documentNamespace: 'https://example.com/hostile-image-purls',
    creationInfo: { created: '2024-01-01T00:00:00Z', creators: ['Tool: test'] },
    packages,
    relationships: packages.map((p) => ({ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: p.SPDXID })),
  });
}

describe('images: references are validated before they leave the tool', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kube-sbom-image-refs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'hostile.spdx.json');
  writeFileSync(file, documentWith([GOOD, ...HOSTILE]));

  it('prints only the valid image, in txt on stdout and in -o, and warns about each one left out', async () => {
    const out = join(dir, 'images.txt');
    for (const args of [[], ['-o', out]]) {
      const run = await runCli(['images', file, ...args]);
      expect(run.code, run.stderr).toBe(0);
      const lines = (args.length ? readFileSync(out, 'utf8') : run.stdout).split('\n').filter((l) => l !== '');
      expect(lines).toEqual([`registry.k8s.io/pause@${DIGEST}`]);
      for (const line of lines) expect(() => parseReference(line)).not.toThrow();
      expect(run.stderr.match(/left out/g)).toHaveLength(HOSTILE.length);
      expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
  });

  it('leaves them out of every other format too', async () => {
    for (const format of ['json', 'csv', 'yaml', 'md']) {
      const run = await runCli(['images', file, '--format', format]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout, format).not.toContain('evil');
      expect(run.stdout, format).not.toContain('calc');
      expect(run.stdout, format).toContain('registry.k8s.io/pause');
    }
  });
});
