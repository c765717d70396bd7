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
});
