// The multi-arch toggle (m) on Images and Export, driven by real keys: rows fold into multi-arch references, keys act
// on every architecture a row folds, and the export writes multi-arch references listing their architectures.
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/tui/App.js';
import { renderExport } from '../../src/tui/adapters/export.js';
import { fakePorts } from './fake-ports.js';
import { fixtureView } from './fixture.js';
import { KEY, press, see, until } from './keys.js';

afterEach(() => cleanup());

async function imagesScreen() {
  const { ports, calls } = fakePorts();
  const app = render(<App ports={ports} initial={{ kind: 'file', value: 'fixture.spdx' }} />);
  await until(app.lastFrame, (f) => f.includes('elements'));
  await press(app.stdin, '3');
  await see(app, /Images\s+arch all\s+4 of 4 images/);
  return { app, calls };
}

const line = (frame: string, text: string) => frame.split('\n').find((l) => l.includes(text)) ?? '';
const APISERVER = ['registry.k8s.io/kube-apiserver-amd64:v1.2.3', 'registry.k8s.io/kube-apiserver-arm64:v1.2.3'];
const PROXY = ['registry.k8s.io/kube-proxy-amd64:v1.2.3', 'registry.k8s.io/kube-proxy-arm64:v1.2.3'];

describe('Images: m folds the architectures into multi-arch references', () => {
  it('shows one row per multi-arch reference with its architectures, and m again the per-architecture rows', async () => {
    const { app } = await imagesScreen();
    await press(app.stdin, 'm');
    let frame = await see(app, /multi-arch\s+2 reference\(s\) folding 4 of 4 images/);
    expect(line(frame, 'registry.k8s.io/kube-apiserver:v1.2.3')).toContain('amd64 arm64');
    expect(line(frame, 'registry.k8s.io/kube-proxy:v1.2.3')).toContain('amd64 arm64');
    expect(frame).not.toContain('kube-apiserver-amd64');
    await press(app.stdin, 'm');
    frame = await see(app, /arch all\s+4 of 4 images/);
    expect(frame).toContain('kube-apiserver-amd64:v1.2.3');
  });

  it('space selects every architecture of a row, v verifies them, and the row is verified only when all of them are', async () => {
    const { app, calls } = await imagesScreen();
    await press(app.stdin, 'm', KEY.space);
    let frame = await see(app, /2 selected/);
    expect(line(frame, 'kube-apiserver:v1.2.3')).toContain('◉');
    await press(app.stdin, 'v');
    frame = await see(app, /2 verified/);
    expect(calls.verified[0]).toEqual(APISERVER);
    expect(line(frame, 'kube-apiserver:v1.2.3')).toContain('✔ verified');
    // kube-proxy's arm64 image fails (the fake registry's other signer): the multi-arch row fails with it.
    await press(app.stdin, 'k', KEY.space);
    await see(app, /0 selected/);
    await press(app.stdin, 'v');
    frame = await see(app, /1 failed/);
    expect(calls.verified[1]).toEqual(PROXY);
    expect(line(frame, 'kube-proxy:v1.2.3')).toContain('✘ FAILED');
    expect(frame).toContain('✘ IDENTITY_MISMATCH: 1 of 2 architecture(s) verified; registry.k8s.io/kube-proxy-arm64:v1.2.3');
    // enter opens the architecture that failed.
    await press(app.stdin, KEY.enter);
    frame = await see(app, /IDENTITY_MISMATCH/);
    expect(frame).toContain('kube-proxy-arm64:v1.2.3');
  });
});

describe('Export: m writes multi-arch references', () => {
  it('asks for a multi-arch image list of the shown images; a pinned multi-arch list is refused with what to run instead', async () => {
    const { app, calls } = await imagesScreen();
    await press(app.stdin, '4', 'm');
    let frame = await see(app, /enter writes the multi-arch image list \(txt\) of all 4 image/);
    expect(line(frame, 'm multi-arch')).toContain('[yes]');
    await press(app.stdin, KEY.enter);
    await see(app, /wrote/);
    expect(calls.exports[0]).toMatchObject({ kind: 'images', format: 'txt', multiArch: true, references: [...APISERVER, ...PROXY] });
    await press(app.stdin, 'p');
    frame = await see(app, /pinned multi-arch list needs each index digest/);
    expect(frame.replace(/\s+/g, ' ')).toContain('run kube-sbom images --multi-arch --pin');
    await press(app.stdin, KEY.enter);
    expect(calls.exports).toHaveLength(1);
  });

  it('the adapter folds the exported images: txt lists multi-arch references, json their architectures', () => {
    const view = fixtureView();
    const request = { kind: 'images' as const, format: 'txt' as const, pinned: false, references: [...APISERVER, ...PROXY], digests: {}, multiArch: true };
    const txt = renderExport(view, request);
    expect(txt).toMatchObject({ name: 'kube-sbom-images-multi-arch.txt', count: 2 });
    expect(txt.text).toBe('registry.k8s.io/kube-apiserver:v1.2.3\nregistry.k8s.io/kube-proxy:v1.2.3\n');
    const json = JSON.parse(renderExport(view, { ...request, format: 'json' }).text);
    expect(json.images.map((i: { reference: string; architectures: string[] }) => [i.reference, i.architectures])).toEqual([
      ['registry.k8s.io/kube-apiserver:v1.2.3', ['amd64', 'arm64']],
      ['registry.k8s.io/kube-proxy:v1.2.3', ['amd64', 'arm64']],
    ]);
  });
});
