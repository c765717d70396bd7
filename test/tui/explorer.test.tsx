// Explorer and Detail driven by real keys: move, kind filter, `/` filter, open, follow a relationship, come back.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { App } from '../../src/tui/App.js';
import { readFileSync } from 'node:fs';
import { parseSbom } from '../../parsers/index.js';
import { buildView } from '../../src/tui/adapters/document-view.js';
import { realdata, realdataMissing } from '../helpers/cli.js';
import { fakePorts } from './fake-ports.js';
import { KEY, press, see, until } from './keys.js';

afterEach(() => cleanup());

async function openFixture() {
  const { ports, calls } = fakePorts();
  const app = render(<App ports={ports} initial={{ kind: 'file', value: 'fixture.spdx' }} />);
  await until(app.lastFrame, (f) => f.includes('elements'));
  return { app, calls };
}

const cursorLine = (frame: string) => frame.split('\n').find((l) => l.includes('▸')) ?? '';

describe('Explorer', () => {
  it('lists every element and moves with arrows and vim keys', async () => {
    const { app, calls } = await openFixture();
    expect(calls.opened).toEqual(['fixture.spdx']);
    const frame = app.lastFrame()!;
    expect(frame).toMatch(/15 of 15 elements/);
    expect(frame).toContain('fixture.spdx (unverified)');
    const first = cursorLine(frame);
    await press(app.stdin, 'j', KEY.down);
    await until(app.lastFrame, (f) => cursorLine(f) !== first);
    await press(app.stdin, 'k', 'k');
    await until(app.lastFrame, (f) => cursorLine(f) === first);
    await press(app.stdin, 'G');
    await until(app.lastFrame, (f) => cursorLine(f).includes('README.md'));
    await press(app.stdin, 'g');
    await until(app.lastFrame, (f) => cursorLine(f) === first);
  });

  it('filters by kind and by typed text over names, SPDXIDs and checksums', async () => {
    const { app } = await openFixture();
    await press(app.stdin, 'f');
    await see(app, /kind images.*4 of 15 elements/);
    await press(app.stdin, 'f');
    await see(app, /kind layers.*8 of 15/);
    await press(app.stdin, 'f');
    await see(app, /kind binaries.*1 of 15/);
    await see(app, 'bin/linux/amd64/kubectl');
    await press(app.stdin, 'f', 'f', 'f');
    await see(app, /kind all/);
    await press(app.stdin, '/', 'p', 'r', 'o', 'x', 'y');
    let frame = await see(app, /\/ proxy/);
    // kube-proxy: 2 archives and their 4 layers (the SPDXIDs carry the name)
    expect(frame).toMatch(/6 of 15 elements/);
    await press(app.stdin, KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace);
    await see(app, /15 of 15/);
    // a checksum finds its file
    await press(app.stdin, ...'c0ffee'.split(''), KEY.enter);
    frame = await see(app, /1 of 15/);
    expect(frame).toContain('kubectl');
    // esc while typing clears the filter
    await press(app.stdin, '/', 'x', KEY.escape);
    await see(app, /15 of 15/);
  });

  it('opens an image, follows a relationship to a layer and comes back with backspace and esc', async () => {
    const { app } = await openFixture();
    await press(app.stdin, '/', ...'apiserver.tar'.split(''), KEY.enter, KEY.enter);
    let frame = await until(app.lastFrame, (f) => f.includes('Container image'));
    expect(frame).toContain('Explorer › kube-apiserver.tar');
    expect(frame).toContain('registry.k8s.io/kube-apiserver-');
    expect(frame).toMatch(/Layers \(2, diff IDs\)/);
    expect(frame).toMatch(/SHA256\s+[0-9a-f]{40}/);
    // The cursor starts on the first relationship: a CONTAINS to a layer
    expect(cursorLine(frame)).toMatch(/→ CONTAINS/);
    await press(app.stdin, KEY.enter);
    frame = await see(app, /Explorer › kube-apiserver\.tar › sha256:0{10}/);
    expect(frame).toMatch(/Relationships to here \(1\)/);
    expect(frame).toMatch(/← CONTAINS/);
    await press(app.stdin, KEY.backspace);
    frame = await see(app, 'Container image');
    expect(frame).not.toMatch(/› sha256:/);
    await press(app.stdin, KEY.escape);
    frame = await see(app, /Explorer\s+kind all/);
    expect(frame).toMatch(/\/ apiserver\.tar/);
  });

  it('sorts by name and by kind', async () => {
    const { app } = await openFixture();
    await press(app.stdin, 's');
    expect(cursorLine(await see(app, /sort name/))).toContain('README.md');
    await press(app.stdin, 's');
    await see(app, /sort kind/);
    expect(cursorLine(app.lastFrame()!)).toMatch(/image\s+kube-apiserver-amd64:v1\.2\.3 · kube-apiserver\.tar/);
  });

  it('at 80 columns tells look-alike rows apart: images by reference and architecture, layers by digest and image', async () => {
    const { app } = await openFixture();
    const stdout = app.stdout as unknown as { columns: number; emit: (e: string) => void };
    Object.defineProperty(stdout, 'columns', { value: 80, configurable: true });
    stdout.emit('resize');
    await press(app.stdin, 'f');
    const rowsOf = (frame: string, kind: string) => frame.split('\n').filter((l) => new RegExp(`^\\s*▸?\\s*${kind}\\s`).test(l));
    const images = rowsOf(await see(app, /kind images.*4 of 15/), 'image');
    expect(images.map((l) => /image\s+(\S+)/.exec(l)![1])).toEqual([
      'kube-apiserver-amd64:v1.2.3',
      'kube-apiserver-arm64:v1.2.3',
      'kube-proxy-amd64:v1.2.3',
      'kube-proxy-arm64:v1.2.3',
    ]);
    await press(app.stdin, 'f');
    const layers = rowsOf(await see(app, /kind layers.*8 of 15/), 'layer');
    expect(layers).toHaveLength(8);
    // Each layer names its image (the fixture's digests share their first 12 characters; real ones do not).
    for (const image of ['kube-apiserver-amd64:v1', 'kube-apiserver-arm64:v1', 'kube-proxy-amd64:v1.2.3', 'kube-proxy-arm64:v1.2.3'])
      expect(layers.filter((l) => new RegExp(`layer\\s+0{12} in ${image.replace(/\./g, '\\.')}`).test(l))).toHaveLength(2);
  });

  it('pages through a long list showing only the window', async () => {
    const { app } = await openFixture();
    const rows = () =>
      app
        .lastFrame()!
        .split('\n')
        .filter((l) => /^\s*▸?\s*(image|layer|binary|file|package)\s/.test(l)).length;
    expect(rows()).toBeLessThanOrEqual(19);
    await press(app.stdin, KEY.pageDown);
    await until(app.lastFrame, (f) => cursorLine(f).includes('README.md'));
    await press(app.stdin, KEY.pageUp);
    await until(app.lastFrame, (f) => /▸ image\s+kube-apiserver/.test(f));
  });
});

describe.skipIf(realdataMissing)('Explorer on the v1.25.4 release SBOM', () => {
  it('tells the two kubectl.exe rows (one file in the client and the node archive) apart by their archive', async () => {
    const path = realdata('k8s', 'release-sbom', 'kubernetes-v1.25.4-release.spdx');
    const { document, format, diagnostics } = parseSbom(readFileSync(path), { fileName: path });
    const { ports } = fakePorts({ view: buildView({ document, format, diagnostics, source: path }) });
    const app = render(<App ports={ports} initial={{ kind: 'file', value: path }} />);
    await see(app, 'elements');
    await press(app.stdin, '/', ...'amd64/kubectl.exe'.split(''), KEY.enter);
    const frame = await see(app, /2 of \d[\d,]* elements/);
    const rows = frame.split('\n').filter((l) => /binary\s/.test(l));
    expect(rows).toHaveLength(2);
    // What tells them apart comes first, so a narrow column cuts the path they share
    expect(rows[0]).toMatch(/binary\s+in kubernetes-client-windows-amd64\.tar\.gz · bin\/win/);
    expect(rows[1]).toMatch(/binary\s+in kubernetes-node-windows-amd64\.tar\.gz · bin\/win/);
  });
});
