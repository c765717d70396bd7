// The Export screen shows the path it will write before writing; the folder and name can be changed; md is offered.
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/tui/App.js';
import { exportPath } from '../../src/tui/state/export-target.js';
import { fakePorts } from './fake-ports.js';
import { KEY, press, see } from './keys.js';

afterEach(() => cleanup());

const type = (text: string) => text.split('');
const images = { kind: 'images' as const, format: 'txt' as const, pinned: false, references: [], digests: {} };

describe('exportPath', () => {
  it('is the default folder and the format’s name unless the user chose others; a relative folder is from the default', () => {
    expect(exportPath('/home/me', {}, images)).toBe('/home/me/kube-sbom-images.txt');
    expect(exportPath('/home/me', { dir: 'out' }, images)).toBe('/home/me/out/kube-sbom-images.txt');
    expect(exportPath('/home/me', { dir: '/tmp/x', name: 'list.txt' }, { ...images, format: 'md' })).toBe('/tmp/x/list.txt');
    expect(exportPath('/home/me', {}, { kind: 'report', format: 'json', results: [] })).toBe('/home/me/kube-sbom-verification.json');
  });
});

describe('Export screen', () => {
  async function exportScreen() {
    const fake = fakePorts();
    const app = render(<App ports={fake.ports} initial={{ kind: 'file', value: 'fixture.spdx' }} />);
    await see(app, 'elements');
    await press(app.stdin, '4');
    await see(app, /enter writes the image list/);
    return { app, calls: fake.calls };
  }

  it('shows the path before writing and writes exactly there', async () => {
    const { app, calls } = await exportScreen();
    const frame = await see(app, '/exports/kube-sbom-images.txt');
    expect(frame).toMatch(/d folder\s+\/exports/);
    expect(frame).toMatch(/n name\s+kube-sbom-images\.txt/);
    await press(app.stdin, 'f', 'f', 'f', 'f');
    await see(app, /\[md\]/);
    await see(app, '/exports/kube-sbom-images.md');
    await press(app.stdin, KEY.enter);
    await see(app, /wrote 4 entries to/);
    expect(calls.exports[0]).toMatchObject({ kind: 'images', format: 'md' });
    expect(calls.exportPaths[0]).toBe('/exports/kube-sbom-images.md');
  });

  it('lets the user change the folder and the file name, and go back to the defaults with an empty field', async () => {
    const { app, calls } = await exportScreen();
    await press(app.stdin, 'd', ...type('/data/lists'), KEY.enter);
    await see(app, '/data/lists/kube-sbom-images.txt');
    await press(app.stdin, 'n');
    await see(app, 'type the file name: enter keeps it');
    await press(app.stdin, ...type('v1.2.3-images.txt'), KEY.enter);
    await see(app, '/data/lists/v1.2.3-images.txt');
    await press(app.stdin, 'w');
    await see(app, /wrote 4 entries to/);
    expect(calls.exportPaths[0]).toBe('/data/lists/v1.2.3-images.txt');
    // esc while typing keeps what was there; an empty field goes back to the default
    await press(app.stdin, 'd', 'x', KEY.escape);
    await see(app, '/data/lists/v1.2.3-images.txt');
    await press(app.stdin, 'd', ...Array(20).fill(KEY.backspace), KEY.enter, 'n', ...Array(30).fill(KEY.backspace), KEY.enter);
    await see(app, /to\n\s+\/exports\/kube-sbom-images\.txt/);
  });
});
