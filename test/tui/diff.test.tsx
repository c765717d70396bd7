// The Diff screen: the loaded document against a second file or release, images as `images --diff` reports them,
// then binaries; a release that does not verify is not compared.
import { readFileSync } from 'node:fs';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';
import { App } from '../../src/tui/App.js';
import { buildView } from '../../src/tui/adapters/document-view.js';
import { realdata, realdataMissing } from '../helpers/cli.js';
import { fakePorts } from './fake-ports.js';
import { KEY, press, see } from './keys.js';

afterEach(() => cleanup());

const type = (text: string) => text.split('');

function releaseView(version: string) {
  const path = realdata('k8s', 'release-sbom', `kubernetes-${version}-release.spdx`);
  const { document, format, diagnostics } = parseSbom(readFileSync(path), { fileName: path });
  return buildView({ document, format, diagnostics, source: path });
}

describe('Diff', () => {
  it('says how to start, and compares a document with itself as unchanged', async () => {
    const { ports } = fakePorts();
    const app = render(<App ports={ports} initial={{ kind: 'file', value: 'fixture.spdx' }} />);
    await see(app, 'elements');
    await press(app.stdin, 'D');
    let frame = await see(app, /Diff nothing to compare with yet/);
    expect(frame).toContain('press o and type a second file');
    expect(frame).toContain('o compare with');
    await press(app.stdin, 'o', ...type('again.spdx'));
    await see(app, 'enter compares, esc cancels');
    await press(app.stdin, KEY.enter);
    frame = await see(app, /0 added, 0 removed, 0 changed, 4 unchanged images/);
    expect(frame).toContain('Diff with again.spdx');
    expect(frame).toContain('0 added, 0 removed, 0 changed, 1 unchanged binaries');
  });

  it('does not compare with a release that did not verify, and says why', async () => {
    const { ports } = fakePorts({ releaseFails: true });
    const app = render(<App ports={ports} initial={{ kind: 'file', value: 'fixture.spdx' }} />);
    await see(app, 'elements');
    await press(app.stdin, 'D', 'o', ...type('v1.2.3'), KEY.enter);
    const frame = await see(app, /release v1\.2\.3 did not verify \(signature: signed by someone@else\): not compared/);
    expect(frame).toContain('nothing to compare with yet');
  });
});

describe.skipIf(realdataMissing)('Diff of two real releases', () => {
  it('v1.23.1 against v1.25.4: every image and binary changed, each with what changed', async () => {
    const before = releaseView('v1.23.1');
    const after = releaseView('v1.25.4');
    const { ports } = fakePorts({ view: before });
    const app = render(
      <App ports={{ ...ports, openFile: async (path) => (path.includes('v1.25.4') ? after : before) }} initial={{ kind: 'file', value: before.source }} />,
    );
    await see(app, 'elements');
    await press(app.stdin, 'D', 'o', ...type('kubernetes-v1.25.4-release.spdx'), KEY.enter);
    let frame = await see(app, /images:/);
    expect(frame).toMatch(/--- .*kubernetes-v1\.23\.1-release\.spdx/);
    expect(frame).toMatch(/\+\+\+ kubernetes-v1\.25\.4-release\.spdx/);
    expect(frame).toContain('~ registry.k8s.io/conformance-amd64:v1.25.4');
    // v1.23.1 pushed to k8s.gcr.io, v1.25.4 to registry.k8s.io: the images still pair by repository and platform
    expect(frame).toMatch(/reference k8s\.gcr\.io\/conformance-amd64:v1\.23\.1 -> registry\.k8s\.io\/conformance-amd64:v1\.25\.4/);
    await press(app.stdin, 'G');
    frame = await see(app, '0 added, 0 removed, 76 changed, 0 unchanged binaries');
    expect(frame).toContain('~ bin/windows/arm64/kubectl.exe');
    // the images' summary, paging down from the top
    await press(app.stdin, 'g');
    for (let page = 0; page < 20 && !app.lastFrame()!.includes('unchanged images'); page++) await press(app.stdin, KEY.pageDown);
    expect(app.lastFrame()).toContain('0 added, 0 removed, 25 changed, 0 unchanged images');
  });
});
