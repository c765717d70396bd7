// The live status verify-images shows on a terminal, driven by the use case's events.
import { describe, expect, it } from 'vitest';
import { imagesProgress } from '../../src/cli/image-progress.js';
import type { ImageVerification } from '../../src/verify/verify-image.js';

const result = (reference: string, verified: boolean, code = 'OK'): ImageVerification => ({
  reference,
  verified,
  code,
  message: '',
  checks: [],
  signatures: [],
  searched: [],
  cosign: [],
  ...(verified ? {} : { failureKind: 'check' as const }),
});

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  return { stream: { isTTY, write: (s: string) => (chunks.push(s), true) } as unknown as NodeJS.WriteStream, text: () => chunks.join('') };
}

describe('imagesProgress', () => {
  it('prints a line per finished image and a running count on a terminal', () => {
    const { stream, text } = fakeStream(true);
    const on = imagesProgress(stream);
    on({ type: 'start', total: 2, references: ['a', 'b'] });
    on({ type: 'image-start', reference: 'a' });
    on({ type: 'image-start', reference: 'b' });
    on({ type: 'image-done', result: result('a', true) });
    on({ type: 'image-done', result: result('b\u001b[31m', false, 'NO_SIGNATURES') });
    on({ type: 'done', summary: { total: 2, verified: 1, failed: 1, unchecked: 0 } });
    const lines = text()
      .split('\n')
      .map((l) => l.replace(/[\s\S]*\r\u001b\[K/, ''));
    expect(lines).toContain('ok    a');
    expect(lines).toContain('FAIL  b  NO_SIGNATURES');
    expect(text()).toContain('[1/2] 1 running');
    expect(text()).not.toContain('\u001b[31m');
  });

  it('stays silent when stderr is not a terminal', () => {
    const { stream, text } = fakeStream(false);
    const on = imagesProgress(stream);
    on({ type: 'start', total: 1, references: ['a'] });
    on({ type: 'image-done', result: result('a', true) });
    expect(text()).toBe('');
  });
});
