import { describe, expect, it } from 'vitest';
import { createProgressBar, progressLine } from '../../src/fetch/progress-bar.js';

const progress = (bytesDone: number, totalBytes?: number) =>
  ({ type: 'download-progress', url: 'u', label: 'release', bytesDone, totalBytes, bytesPerSecond: 2 * 1024 * 1024 }) as const;

describe('progress bar', () => {
  it('shows percentage, bytes and rate within the width', () => {
    const line = progressLine(progress(512 * 1024, 1024 * 1024), 80);
    expect(line).toContain(' 50%');
    expect(line).toContain('512 KiB/1.0 MiB');
    expect(line).toContain('2.0 MiB/s');
    expect(line).toContain('[###############---------------]');
    expect(progressLine(progress(10), 80)).toBe('release  10 B  2.0 MiB/s');
    expect(progressLine(progress(1, 2), 20).length).toBeLessThanOrEqual(19);
  });
  it('draws on a TTY and stays silent otherwise', () => {
    const written: string[] = [];
    createProgressBar({ isTTY: false, write: (t) => written.push(t) })(progress(1, 2));
    expect(written).toEqual([]);
    const bar = createProgressBar({ isTTY: true, columns: 80, write: (t) => written.push(t) });
    bar(progress(1, 2));
    bar({ type: 'download-done', url: 'u', label: 'release', bytes: 2, source: 'network' });
    expect(written[0]).toMatch(/^\r\u001b\[2Krelease \[/);
    expect(written[1]).toBe('\r\u001b[2K');
    const narrow: string[] = [];
    createProgressBar({ isTTY: true, columns: 0, write: (t) => narrow.push(t) })(progress(1, 2));
    expect(narrow[0]).toContain(' 50%');
  });
});
