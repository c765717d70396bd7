// The Export screen's verification report holds strings from registries and certificates: its file is as inert
// as the screen (no raw control or bidi character), and its JSON is escaped the way every JSON output is.
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../src/tui/adapters/export.js';
import type { ImageResult } from '../../src/tui/ports.js';
import { HOSTILE_TEXT, RAW_CONTROL } from '../helpers/hostile-sbom.js';
import { fixtureView } from './fixture.js';

const results: ImageResult[] = [
  {
    reference: 'registry.k8s.io/kube-proxy-amd64:v1.99.0',
    status: 'failed',
    code: 'IDENTITY_MISMATCH',
    message: `signed by ${HOSTILE_TEXT}`,
    checks: [{ check: 'identity', status: 'fail', code: 'IDENTITY_MISMATCH', message: `signed by ${HOSTILE_TEXT}` }],
    signer: HOSTILE_TEXT,
  },
];

describe('Export: verification report', () => {
  it('txt: one line per image and failed check, nothing raw', () => {
    const { text } = renderExport(fixtureView(), { kind: 'report', format: 'txt', results });
    expect(text).not.toMatch(RAW_CONTROL);
    expect(text.split('\n')).toHaveLength(3);
    expect(text).toContain('\\u202e');
  });

  it('json: parses back to the same strings, nothing raw on the wire', () => {
    const { text } = renderExport(fixtureView(), { kind: 'report', format: 'json', results });
    expect(text).not.toMatch(RAW_CONTROL);
    const parsed = JSON.parse(text) as { images: ImageResult[] };
    expect(parsed.images[0]!.signer).toBe(HOSTILE_TEXT);
  });

  it('with release files: they are listed and the Audit matrix follows, every check pass, fail or not checked', () => {
    const files: ImageResult[] = [
      {
        reference: 'bin/linux/amd64/kubectl',
        status: 'failed',
        code: 'DIGEST_MISMATCH_SHA512',
        message: 'sha512: SHA-512 of the download differs from kubectl.sha512',
        checks: [
          { check: 'sha256', status: 'pass', code: 'OK', message: 'matches' },
          { check: 'sha512', status: 'fail', code: 'DIGEST_MISMATCH_SHA512', message: 'differs' },
        ],
      },
    ];
    const txt = renderExport(fixtureView(), { kind: 'report', format: 'txt', results, files }).text.split('\n');
    expect(txt[0]).toBe('FAILED bin/linux/amd64/kubectl DIGEST_MISMATCH_SHA512');
    expect(txt).toContain('  sha512: DIGEST_MISMATCH_SHA512 differs');
    const audit = txt.slice(txt.findIndex((l) => l.startsWith('AUDIT')) + 1);
    expect(audit[0]).toMatch(/^kind\s+artifact\s+status\s+sha256\s+sha512\s+identity$/);
    expect(audit[1]).toMatch(/^file\s+bin\/linux\/amd64\/kubectl\s+failed\s+pass\s+fail\s+-$/);
    expect(audit[2]).toMatch(/^image\s+registry\.k8s\.io\/kube-proxy-amd64:v1\.99\.0\s+failed\s+-\s+-\s+fail$/);
    const json = JSON.parse(renderExport(fixtureView(), { kind: 'report', format: 'json', results, files }).text) as {
      verified: boolean;
      files: ImageResult[];
      audit: { columns: string[]; rows: Array<{ name: string; checks: Record<string, string> }> };
    };
    expect(json.verified).toBe(false);
    expect(json.files[0]!.reference).toBe('bin/linux/amd64/kubectl');
    expect(json.audit.columns).toEqual(['sha256', 'sha512', 'identity']);
    expect(json.audit.rows[0]).toMatchObject({ name: 'bin/linux/amd64/kubectl', checks: { sha256: 'pass', sha512: 'fail', identity: 'none' } });
  });
});
