// verify-release's live table: the lines drawn for given states (all rows when they fit, else the running and failed
// ones and a count), and the redraw over the previous drawing, which is erased at the end.
import { describe, expect, it } from 'vitest';
import { renderLiveTable, LiveTable, type LiveRow } from '../../src/cli/release-live-table.js';

const big = { columns: 100, rows: 40 };

describe('renderLiveTable', () => {
  it('one line per artifact with its state, bytes while running, the code once failed, then the count', () => {
    const rows: LiveRow[] = [
      { name: 'bin/linux/amd64/kubectl', state: 'pass' },
      { name: 'bin/linux/amd64/kubelet', state: 'running', bytesDone: 5 * 1024 * 1024, totalBytes: 20 * 1024 * 1024 },
      { name: 'bin/linux/amd64/kubeadm', state: 'fail', code: 'NOT_PUBLISHED' },
      { name: 'registry.k8s.io/kube-proxy-amd64:v1.99.0', state: 'error', code: 'REGISTRY_UNREACHABLE' },
      { name: 'kubernetes-client-linux-amd64.tar.gz', state: 'waiting' },
    ];
    expect(renderLiveTable(rows, big)).toEqual([
      'ok    bin/linux/amd64/kubectl',
      '...   bin/linux/amd64/kubelet  5.0 MiB of 20 MiB',
      'FAIL  bin/linux/amd64/kubeadm  NOT_PUBLISHED',
      'ERROR registry.k8s.io/kube-proxy-amd64:v1.99.0  REGISTRY_UNREACHABLE',
      'wait  kubernetes-client-linux-amd64.tar.gz',
      '[3/5] 1 ok, 1 failed, 1 unchecked, 1 running',
    ]);
  });

  it('more rows than the screen holds: the running and failed ones only, never taller than the screen', () => {
    const rows: LiveRow[] = Array.from({ length: 120 }, (_, i) => ({
      name: `bin/linux/amd64/tool-${i}`,
      state: i < 100 ? 'pass' : i < 103 ? 'fail' : i < 107 ? 'running' : 'waiting',
    }));
    const lines = renderLiveTable(rows, { columns: 80, rows: 6 });
    expect(lines).toEqual([
      '...   bin/linux/amd64/tool-103',
      '...   bin/linux/amd64/tool-104',
      '...   bin/linux/amd64/tool-105',
      '...   bin/linux/amd64/tool-106',
      '[103/120] 100 ok, 3 failed, 0 unchecked, 4 running',
    ]);
    expect(renderLiveTable(rows, { columns: 80, rows: 24 }).filter((l) => l.startsWith('FAIL'))).toHaveLength(3);
  });

  it('lines are cut to the width and names cannot drive the terminal', () => {
    const [line] = renderLiveTable([{ name: `evil\u001b[2J${'x'.repeat(200)}`, state: 'waiting' }], { columns: 40, rows: 10 });
    expect(line).toHaveLength(40);
    expect(line).not.toContain('\u001b');
    expect(line!.endsWith('…')).toBe(true);
  });
});

describe('LiveTable', () => {
  function fakeStream() {
    const writes: string[] = [];
    return { writes, stream: { columns: 80, rows: 24, write: (s: string) => (writes.push(s), true) } as unknown as NodeJS.WriteStream };
  }

  it('redraws over its previous lines as states change, and erases itself on close', () => {
    const { writes, stream } = fakeStream();
    const table = new LiveTable(stream, 0);
    table.add(['a', 'b']);
    expect(writes.at(-1)).toBe('\r\u001b[Jwait  a\nwait  b\n[0/2] 0 ok, 0 failed, 0 unchecked, 0 running\n');
    table.start('a', 'http://x/a');
    table.downloading('http://x/a');
    table.progress('http://x/a', 2048, 4096);
    expect(writes.at(-1)).toBe('\u001b[3A\r\u001b[J...   a  2.0 KiB of 4.0 KiB\nwait  b\n[0/2] 0 ok, 0 failed, 0 unchecked, 1 running\n');
    table.finish('a', 'fail', 'DIGEST_MISMATCH_SHA256');
    expect(writes.at(-1)).toContain('FAIL  a  DIGEST_MISMATCH_SHA256\n');
    table.close();
    expect(writes.at(-1)).toBe('\u001b[3A\r\u001b[J');
  });

  it('a file waits (not running) until its download starts, and no progress moves it before', () => {
    const { writes, stream } = fakeStream();
    const table = new LiveTable(stream, 0);
    table.add(['a', 'b']);
    table.start('a', 'http://x/a');
    table.start('b', 'http://x/b');
    table.progress('http://x/b', 10, 20);
    expect(writes.at(-1)).toBe('\r\u001b[Jwait  a\nwait  b\n[0/2] 0 ok, 0 failed, 0 unchecked, 0 running\n');
    table.downloading('http://x/b');
    expect(writes.at(-1)).toContain('wait  a\n...   b\n[0/2] 0 ok, 0 failed, 0 unchecked, 1 running\n');
  });

  it('download progress redraws at most every interval; state changes always', () => {
    const { writes, stream } = fakeStream();
    const table = new LiveTable(stream, 60_000);
    table.add(['a']);
    table.start('a', 'u');
    table.downloading('u');
    const before = writes.length;
    for (let i = 0; i < 100; i++) table.progress('u', i * 1000, 100_000);
    expect(writes.length).toBe(before);
    table.finish('a', 'pass');
    expect(writes.length).toBe(before + 1);
  });
});
