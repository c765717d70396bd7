// Release files compared by path and SHA-256; a path shipped twice compares as the set of its digests.
import { describe, expect, it } from 'vitest';
import { diffReleaseFiles } from '../../src/k8s/release-file-diff.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('diffReleaseFiles', () => {
  it('finds added, removed, changed and unchanged files by path', () => {
    const diff = diffReleaseFiles(
      [
        { name: 'bin/linux/amd64/kubectl', sha256: A },
        { name: 'bin/linux/amd64/kubelet', sha256: A },
        { name: 'bin/linux/amd64/old', sha256: A },
      ],
      [
        { name: 'bin/linux/amd64/kubectl', sha256: A.toUpperCase() },
        { name: 'bin/linux/amd64/kubelet', sha256: B },
        { name: 'bin/linux/amd64/new', sha256: B },
      ],
    );
    expect(diff).toEqual({
      added: ['bin/linux/amd64/new'],
      removed: ['bin/linux/amd64/old'],
      changed: [{ name: 'bin/linux/amd64/kubelet', before: [A], after: [B] }],
      unchanged: 1,
    });
  });

  it('compares a path shipped twice as its set of digests, and never calls a file without a digest unchanged', () => {
    const twice = [
      { name: 'bin/windows/amd64/kubectl.exe', sha256: A },
      { name: 'bin/windows/amd64/kubectl.exe', sha256: B },
    ];
    expect(diffReleaseFiles(twice, [...twice].reverse())).toMatchObject({ changed: [], unchanged: 1 });
    expect(diffReleaseFiles(twice, [twice[0]!]).changed).toEqual([{ name: 'bin/windows/amd64/kubectl.exe', before: [A, B], after: [A] }]);
    expect(diffReleaseFiles([{ name: 'x' }], [{ name: 'x' }]).changed).toEqual([{ name: 'x', before: ['no SHA-256'], after: ['no SHA-256'] }]);
  });
});
