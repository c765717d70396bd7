// The live status mirror shows on a terminal (stderr): a line per copied image, bytes moved, the check in the target.
import { describe, expect, it } from 'vitest';
import { mirrorProgress } from '../../src/cli/mirror-progress.js';
import { configureOutput } from '../../src/cli/output.js';

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  return { stream: { isTTY, write: (s: string) => (chunks.push(s), true) } as unknown as NodeJS.WriteStream, text: () => chunks.join('') };
}

const stats = { blobsCopied: 3, blobsMounted: 1, blobsSkipped: 2, bytesCopied: 3 * 1024 * 1024, manifestsPut: 4, manifestsSkipped: 0 };

describe('mirrorProgress', () => {
  it('on a terminal: copied images, the running byte count and the verdict from the target', () => {
    const { stream, text } = fakeStream(true);
    const on = mirrorProgress(stream);
    on({ type: 'copy-start', images: 1, bytes: 4 * 1024 * 1024 });
    on({ type: 'bytes', bytes: 1024 * 1024 });
    on({ type: 'copied', reference: 'registry.k8s.io/kube-proxy:v1', stats });
    on({
      type: 'reverified',
      reference: 'registry.k8s.io/kube-proxy:v1',
      check: { reference: 't/kube-proxy@sha256:1', verified: true, code: 'OK', message: '' },
    });
    on({ type: 'copied', reference: 'registry.k8s.io/bad\u001b[31m:v1', error: 'cut' });
    const out = text();
    expect(out).toContain('copying: 1.0 MiB of at most 4.0 MiB');
    expect(out).toContain('copied registry.k8s.io/kube-proxy:v1: 3 blob(s) 3.0 MiB, 1 mounted, 2 already there; 4 manifest(s)');
    expect(out).toContain('ok    in target: t/kube-proxy@sha256:1');
    expect(out).toContain('ERROR  registry.k8s.io/bad');
    expect(out).not.toContain('\u001b[31m');
  });

  it('prints nothing when stderr is not a terminal, or with --quiet', () => {
    const pipe = fakeStream(false);
    mirrorProgress(pipe.stream)({ type: 'copy-start', images: 1, bytes: 10 });
    expect(pipe.text()).toBe('');
    configureOutput({ quiet: true });
    try {
      const tty = fakeStream(true);
      mirrorProgress(tty.stream)({ type: 'copy-start', images: 1, bytes: 10 });
      expect(tty.text()).toBe('');
    } finally {
      configureOutput({ quiet: false });
    }
  });
});
