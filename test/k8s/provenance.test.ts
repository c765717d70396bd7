// provenance.json as Kubernetes publishes it (realdata: a release's own SLSA v0.1 statement and another build's
// SLSA v0.2 one), an SLSA v1 statement as published from 2026, malformed ones, and the version range it exists for.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';
import { parseProvenance, subjectsByReleasePath } from '../../src/k8s/provenance.js';
import { compareVersions, holdsFor, PROVENANCE_PUBLISHED } from '../../src/k8s/release-facts.js';
import { compareWithSbom } from '../../src/verify/release-provenance.js';
import { realdata, realdataMissing } from '../helpers/cli.js';
import { provenanceStatement, sbomFileOf } from '../helpers/generated-release.js';

const read = (name: string) => readFileSync(realdata('k8s', 'provenance', name), 'utf8');

describe.skipIf(realdataMissing)('parseProvenance on real statements', () => {
  it("reads Kubernetes' own statement (SLSA v0.1) and maps its staged names to release paths", () => {
    const statement = parseProvenance(read('k8s-1.23.0-alpha.4-provenance.json'));
    expect(statement).toMatchObject({
      statementType: 'https://in-toto.io/Statement/v0.1',
      predicateType: 'https://slsa.dev/provenance/v0.1',
      slsaVersion: '0.1',
    });
    expect(statement.subjects).toHaveLength(461);
    const byPath = subjectsByReleasePath(statement, 'v1.23.0-alpha.4');
    expect(byPath.get('bin/linux/amd64/kubectl')).toEqual([
      {
        name: 'gs://kubernetes-release-gcb/stage/v1.23.0-alpha.3.105+0ac956ff2bef9c/v1.23.0-alpha.4/gcs-stage/v1.23.0-alpha.4/bin/linux/amd64/kubectl',
        digest: { sha256: '51f713d615fe7811b13888f110da9fb2592b7611c6ea8652174f775db33ae876' },
      },
    ]);
    expect(byPath.get('kubernetes-client-linux-amd64.tar.gz')![0]!.digest.sha256).toBe('55b88bc7632672fe31b23e68f13341ac6124678ee8e4c9db92d925be43d86d3c');
    // The staging folder's own files (src.tar.gz beside the version folder) are not release paths.
    expect(byPath.has('src.tar.gz')).toBe(false);
    // Another version's statement lists nothing of this one.
    expect(subjectsByReleasePath(statement, 'v1.25.4').size).toBe(0);
  });

  it('reads an SLSA v0.2 statement of another build, whose names are no release paths', () => {
    const statement = parseProvenance(read('kubectl-release-tars-in-toto.json'));
    expect(statement).toMatchObject({ predicateType: 'https://slsa.dev/provenance/v0.2', slsaVersion: '0.2' });
    expect(statement.subjects).toHaveLength(75);
    expect(subjectsByReleasePath(statement, 'v1.23.0').size).toBe(0);
  });
});

describe('parseProvenance', () => {
  const file = sbomFileOf('bin/linux/amd64/kubectl', Buffer.from('kubectl'));

  it('reads an in-toto v1 statement with an SLSA v1 predicate', () => {
    const statement = parseProvenance(JSON.stringify(provenanceStatement('v1.36.0', [file])));
    expect(statement).toMatchObject({ statementType: 'https://in-toto.io/Statement/v1', slsaVersion: '1' });
    expect(subjectsByReleasePath(statement, 'v1.36.0').get('bin/linux/amd64/kubectl')![0]!.digest).toEqual({ sha256: file.sha256, sha512: file.sha512 });
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['an array', '[]', /not a JSON object/],
    ['another _type', JSON.stringify({ _type: 'x', predicateType: 'p', subject: [{ name: 'a', digest: {} }] }), /_type x is not an in-toto statement/],
    ['no subjects', JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', predicateType: 'p', subject: [] }), /no subject list/],
    [
      'a bad digest',
      JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', predicateType: 'p', subject: [{ name: 'a', digest: { sha256: 'zz' } }] }),
      /a: sha256 is not/,
    ],
  ])('refuses %s (PROVENANCE_INVALID)', (_name, text, message) => {
    expect(() => parseProvenance(text)).toThrow(expect.objectContaining({ code: 'PROVENANCE_INVALID', message: expect.stringMatching(message) }));
  });
});

describe('compareWithSbom', () => {
  const bytes = Buffer.from('kubectl bytes');
  const f = sbomFileOf('bin/linux/amd64/kubectl', bytes);
  const doc = parseSbom(`SPDXVersion: SPDX-2.3
DataLicense: CC0-1.0
SPDXID: SPDXRef-DOCUMENT
DocumentName: t
DocumentNamespace: https://example.com/t
Creator: Tool: t
Created: 2024-01-01T00:00:00Z

FileName: ./bin/linux/amd64/kubectl
SPDXID: SPDXRef-File-kubectl
FileChecksum: SHA256: ${f.sha256}
FileChecksum: SHA512: ${f.sha512}
`).document;
  const subject = (digest: { sha256?: string; sha512?: string }) => [{ name: 'x', digest }];

  it('passes when every digest both state agrees', () => {
    expect(compareWithSbom(doc, f.path, subject({ sha256: f.sha256, sha512: f.sha512 }))).toMatchObject({
      status: 'pass',
      message: expect.stringContaining('SHA256 and SHA512'),
    });
    expect(compareWithSbom(doc, f.path, subject({ sha256: f.sha256 }))).toMatchObject({ status: 'pass' });
  });

  it('fails on a disagreement, naming both digests', () => {
    const r = compareWithSbom(doc, f.path, subject({ sha256: f.sha256, sha512: 'a'.repeat(128) }));
    expect(r).toMatchObject({ status: 'fail', code: 'PROVENANCE_DIGEST_MISMATCH' });
    expect(r.message).toBe(`provenance.json says SHA512 of ${f.path} is ${'a'.repeat(128)}, the release SBOM says ${f.sha512}`);
  });

  it('fails when no digest can be compared', () => {
    expect(compareWithSbom(doc, f.path, subject({}))).toMatchObject({ status: 'fail', code: 'PROVENANCE_NOT_COMPARABLE' });
  });
});

describe('release facts by version', () => {
  it('provenance.json is published from v1.23 (its pre-releases included)', () => {
    expect(holdsFor(PROVENANCE_PUBLISHED, 'v1.22.17')).toBe(false);
    expect(holdsFor(PROVENANCE_PUBLISHED, 'v1.23.0-alpha.4')).toBe(true);
    expect(holdsFor(PROVENANCE_PUBLISHED, 'v1.25.4')).toBe(true);
    expect(holdsFor({ from: 'v1.20.0', until: 'v1.22.0' }, 'v1.22.0')).toBe(false);
  });

  it('orders pre-releases before the release', () => {
    expect(['v1.30.0', 'v1.30.0-rc.1', 'v1.30.0-alpha.2', 'v1.29.10', 'v1.30.0-beta.0'].sort(compareVersions)).toEqual([
      'v1.29.10',
      'v1.30.0-alpha.2',
      'v1.30.0-beta.0',
      'v1.30.0-rc.1',
      'v1.30.0',
    ]);
  });
});
