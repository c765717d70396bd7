// verify-release's md, csv and JUnit reports: one entry per artifact plus the SBOM's own, each failure's reason, and
// text from documents that cannot break the table, the CSV or the XML.
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { releaseReportCsv, releaseReportJunit, releaseReportMarkdown, type ReleaseReportHead, type ReleaseReportRow } from '../../src/export/release-report.js';
import { parseCsv } from '../helpers/csv-parse.js';

const pass = (check: string) => ({ check, status: 'pass' as const, code: 'OK', message: `${check} ok` });
const head: ReleaseReportHead = {
  version: 'v1.99.0',
  sbomUrl: 'https://sbom.k8s.io/v1.99.0/release',
  sbomVerified: true,
  sbomChecks: [pass('sha256'), pass('signature')],
  selected: 'every binary, and every image',
  provenance: { status: 'checked', url: 'https://dl.k8s.io/release/v1.99.0/provenance.json', message: 'https://slsa.dev/provenance/v1, 4 subject(s)' },
};
const rows: ReleaseReportRow[] = [
  { kind: 'binary', name: 'bin/linux/amd64/kubectl', status: 'pass', checks: [pass('sha256'), pass('signature')] },
  {
    kind: 'binary',
    name: 'bin/linux/amd64/kube|adm',
    status: 'fail',
    code: 'DIGEST_MISMATCH_SHA256',
    reason: 'sha256: SHA-256 is "aa", <but> & .sha256 says bb\u001b[31m',
    checks: [{ check: 'sha256', status: 'fail', code: 'DIGEST_MISMATCH_SHA256', message: 'SHA-256 is aa' }, pass('signature')],
  },
  { kind: 'archive', name: 'kubernetes-client-linux-amd64.tar.gz', status: 'fail', code: 'NOT_PUBLISHED', reason: 'not published: .sig missing', checks: [] },
  {
    kind: 'image',
    name: '=registry.k8s.io/kube-proxy-amd64:v1.99.0',
    status: 'error',
    code: 'REGISTRY_UNREACHABLE',
    reason: 'cannot reach 127.0.0.1:9',
    checks: [],
  },
];

describe('releaseReportJunit', () => {
  const parse = (xml: string) =>
    new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' || name === 'property' }).parse(xml);

  it('one testcase per artifact plus the SBOM, a failure or error element carrying the reason and code', () => {
    const xml = releaseReportJunit(head, rows);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>')).toBe(true);
    const suite = parse(xml).testsuites.testsuite;
    expect(suite).toMatchObject({ name: 'kube-sbom verify-release v1.99.0', tests: '5', failures: '2', errors: '1' });
    const cases = suite.testcase as Array<Record<string, unknown>>;
    expect(cases.map((c) => [c.classname, c.name, c.failure ? 'failure' : c.error ? 'error' : 'ok'])).toEqual([
      ['kube-sbom.verify-release.sbom', head.sbomUrl, 'ok'],
      ['kube-sbom.verify-release.binary', 'bin/linux/amd64/kubectl', 'ok'],
      ['kube-sbom.verify-release.binary', 'bin/linux/amd64/kube|adm', 'failure'],
      ['kube-sbom.verify-release.archive', 'kubernetes-client-linux-amd64.tar.gz', 'failure'],
      ['kube-sbom.verify-release.image', '=registry.k8s.io/kube-proxy-amd64:v1.99.0', 'error'],
    ]);
    // Quotes, angle brackets and ampersands survive escaped; the escape sequence does not reach the file.
    expect(cases[2]!.failure).toMatchObject({ type: 'DIGEST_MISMATCH_SHA256', message: 'sha256: SHA-256 is "aa", <but> & .sha256 says bb' });
    expect((cases[2]!.failure as { '#text': string })['#text']).toBe('FAIL sha256: SHA-256 is aa [DIGEST_MISMATCH_SHA256]\nPASS signature: signature ok [OK]');
    expect(cases[3]!.failure).toMatchObject({ type: 'NOT_PUBLISHED', message: 'not published: .sig missing' });
    expect(suite.properties.property).toEqual([
      { name: 'selected', value: head.selected },
      { name: 'provenance', value: 'checked: https://slsa.dev/provenance/v1, 4 subject(s)' },
    ]);
  });

  it('an SBOM that did not verify is a failing testcase, so a run with no artifact is not green', () => {
    const failed = {
      ...head,
      sbomVerified: false,
      sbomChecks: [{ check: 'signature', status: 'fail' as const, code: 'IDENTITY_MISMATCH', message: 'signed by x' }],
    };
    const suite = parse(releaseReportJunit(failed, [])).testsuites.testsuite;
    expect(suite).toMatchObject({ tests: '1', failures: '1' });
    expect(suite.testcase[0].failure).toMatchObject({ type: 'IDENTITY_MISMATCH', message: 'signature: signed by x' });
  });
});

describe('releaseReportCsv', () => {
  it('a header and one row per artifact after the SBOM, cells escaped (formula prefix, quotes)', () => {
    const table = parseCsv(releaseReportCsv(head, rows));
    expect(table[0]).toEqual(['kind', 'name', 'result', 'code', 'reason', 'checks']);
    expect(table).toHaveLength(6);
    expect(table[1]).toEqual(['sbom', head.sbomUrl, 'pass', '', '', 'sha256=pass signature=pass']);
    expect(table[3]).toEqual([
      'binary',
      'bin/linux/amd64/kube|adm',
      'fail',
      'DIGEST_MISMATCH_SHA256',
      'sha256: SHA-256 is "aa", <but> & .sha256 says bb',
      'sha256=fail signature=pass',
    ]);
    expect(table[5]![1]).toBe("'=registry.k8s.io/kube-proxy-amd64:v1.99.0");
  });
});

describe('releaseReportMarkdown', () => {
  it('a table with the SBOM first and each reason; pipes in names cannot add a column', () => {
    const md = releaseReportMarkdown(head, rows);
    expect(md).toContain('# Kubernetes v1.99.0 release verification\n');
    expect(md).toContain('4 artifact(s): 1 verified, 2 failed, 1 could not be checked\n');
    expect(md).toContain('Provenance: checked (https://slsa.dev/provenance/v1, 4 subject(s))');
    const table = md.split('\n').filter((l) => l.startsWith('| '));
    expect(table).toHaveLength(7);
    expect(table[2]).toBe(`| sbom | ${head.sbomUrl} | pass | every check passed |`);
    expect(table[4]).toBe('| binary | bin/linux/amd64/kube\\|adm | FAIL | sha256: SHA-256 is "aa", \\<but\\> & .sha256 says bb `DIGEST_MISMATCH_SHA256` |');
    expect(table[5]).toBe('| archive | kubernetes-client-linux-amd64.tar.gz | FAIL | not published: .sig missing `NOT_PUBLISHED` |');
  });
});
