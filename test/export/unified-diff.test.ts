// The diff pin prints: `diff -u` hunks with 3 lines of context, merged when close, and the end-of-file marker.
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/export/unified-diff.js';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `l${i + 1}\n`).join('');

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('f', 'a\n', 'a\n')).toBe('');
  });

  it('gives each distant change its own hunk with 3 lines of context, clipped at the file edges', () => {
    const before = lines(20);
    const after = before.replace('l2\n', 'L2\n').replace('l18\n', 'L18\n');
    expect(unifiedDiff('f.yaml', before, after)).toBe(
      '--- a/f.yaml\n+++ b/f.yaml\n' + '@@ -1,5 +1,5 @@\n l1\n-l2\n+L2\n l3\n l4\n l5\n' + '@@ -15,6 +15,6 @@\n l15\n l16\n l17\n-l18\n+L18\n l19\n l20\n',
    );
  });

  it('merges changes up to 6 lines apart into one hunk', () => {
    const before = lines(20);
    const after = before.replace('l5\n', 'L5\n').replace('l12\n', 'L12\n');
    expect(unifiedDiff('f', before, after).match(/^@@.*$/gm)).toEqual(['@@ -2,14 +2,14 @@']);
    const apart = before.replace('l5\n', 'L5\n').replace('l13\n', 'L13\n');
    expect(unifiedDiff('f', before, apart).match(/^@@.*$/gm)).toEqual(['@@ -2,7 +2,7 @@', '@@ -10,7 +10,7 @@']);
  });

  it('marks a last line without a newline, and shows a change of line count as one block', () => {
    expect(unifiedDiff('f', 'a\nb', 'a\nc')).toBe(
      '--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n',
    );
    expect(unifiedDiff('f', 'a\nb\nz\n', 'a\nc\nd\nz\n')).toBe('--- a/f\n+++ b/f\n@@ -1,3 +1,4 @@\n a\n-b\n+c\n+d\n z\n');
  });
});
