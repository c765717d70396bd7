// The Licenses screen driven by real keys: counts per license, and enter lists the license's elements in the Explorer.
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/tui/App.js';
import { fakePorts } from './fake-ports.js';
import { KEY, press, see } from './keys.js';
import { licenseFixtureView } from './license-fixture.js';

afterEach(() => cleanup());

async function openLicensed() {
  const { ports } = fakePorts({ view: licenseFixtureView() });
  const app = render(<App ports={ports} initial={{ kind: 'file', value: 'licensed.spdx' }} />);
  await see(app, /5 of 5 elements/);
  return app;
}

const row = (frame: string, id: string) =>
  frame
    .split('\n')
    .find((l) => new RegExp(`^\\s*▸?\\s*${id}\\s`).test(l))
    ?.trim()
    .replace(/^▸\s*/, '')
    .split(/\s+/);

describe('Licenses', () => {
  it('counts each license across packages and files, declared and concluded, most used first', async () => {
    const app = await openLicensed();
    await press(app.stdin, 'l');
    const frame = await see(app, /Licenses 5 across 3 packages, 2 files/);
    expect(frame).toMatch(/license\s+packages\s+files\s+declared\s+concluded/);
    expect(row(frame, 'NOASSERTION')).toEqual(['NOASSERTION', '2', '1', '1', '2']);
    expect(row(frame, 'Apache-2.0')).toEqual(['Apache-2.0', '1', '1', '1', '2']);
    expect(row(frame, 'MIT')).toEqual(['MIT', '2', '0', '2', '0']);
    expect(row(frame, 'NONE')).toEqual(['NONE', '1', '0', '0', '1']);
    const order = frame.split('\n').flatMap((l) => /^\s*▸?\s*(NOASSERTION|Apache-2\.0|MIT|BSD-3-Clause|NONE)\s/.exec(l)?.[1] ?? []);
    expect(order).toEqual(['NOASSERTION', 'Apache-2.0', 'MIT', 'BSD-3-Clause', 'NONE']);
    expect(frame).toContain('enter elements');
  });

  it('enter on a license shows the elements naming it in the Explorer, filtered by license:ID', async () => {
    const app = await openLicensed();
    await press(app.stdin, 'l');
    await see(app, /Licenses 5/);
    await press(app.stdin, KEY.down, KEY.down, KEY.enter);
    const frame = await see(app, /Explorer\s+kind all.*2 of 5 elements/);
    expect(frame).toContain('/ license:MIT');
    expect(frame).toMatch(/package\s+alpha/);
    expect(frame).toMatch(/package\s+beta/);
    // the filter is an ordinary one: esc on the Explorer's field clears it
    await press(app.stdin, '/', KEY.escape);
    await see(app, /5 of 5 elements/);
  });

  it('says nothing is loaded before a document is open', async () => {
    const { ports } = fakePorts();
    const app = render(<App ports={ports} />);
    await press(app.stdin, 'l');
    await see(app, 'No document loaded yet');
  });
});
