// The file named on the command line opens while Ink loads: shown in the first frame when ready, never read twice.
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/tui/App.js';
import { openEarly } from '../../src/tui/early-open.js';
import type { SbomView, TuiPorts } from '../../src/tui/ports.js';
import { fakePorts, gate } from './fake-ports.js';
import { fixtureView } from './fixture.js';
import { KEY, press, see, settle } from './keys.js';

afterEach(() => cleanup());

/** Fake ports whose openFile waits for `ready` (if given) and counts the reads. */
function countingPorts(ready?: Promise<void>, fail = false): { ports: TuiPorts; reads: string[] } {
  const { ports } = fakePorts();
  const reads: string[] = [];
  const openFile = async (path: string): Promise<SbomView> => {
    reads.push(path);
    await ready;
    if (fail) throw new Error(`${path}: not an SPDX document [SBOM_UNREADABLE]`);
    return fixtureView(path);
  };
  return { ports: { ...ports, openFile }, reads };
}

describe('opening the command line file early', () => {
  it('a document ready in time is the first frame, and the app does not read it again', async () => {
    const { ports, reads } = countingPorts();
    const early = openEarly(ports, 'f.spdx');
    const opened = await early.ready(1000);
    expect(opened?.source).toBe('f.spdx');
    const asked: string[] = [];
    const appPorts = { ...early.ports, openFile: (path: string) => (asked.push(path), early.ports.openFile(path)) };
    const app = render(<App ports={appPorts} initial={{ kind: 'file', value: 'f.spdx', opened }} />);
    expect(app.frames[0]).toMatch(/15 of 15 elements/);
    expect(app.frames.join('\n')).not.toContain('No document loaded yet');
    // A key's answer drawn: mount and its effects (where a second read would start) are behind us.
    await press(app.stdin, '?');
    await see(app, /Keys \(esc/);
    expect(asked).toEqual([]);
    expect(reads).toEqual(['f.spdx']);
  });

  it('a slow document does not hold the UI: the app gets the run already under way when it finishes', async () => {
    const slow = gate();
    const { ports, reads } = countingPorts(slow.promise);
    const early = openEarly(ports, 'f.spdx');
    expect(await early.ready(10)).toBeUndefined();
    const app = render(<App ports={early.ports} initial={{ kind: 'file', value: 'f.spdx' }} />);
    expect(app.lastFrame()).not.toMatch(/elements/);
    slow.open();
    await see(app, '15 of 15 elements');
    expect(reads).toEqual(['f.spdx']);
  });

  it('a document that fails to open is reported by the app, and a later open of the same path reads it again', async () => {
    const { ports, reads } = countingPorts(undefined, true);
    const early = openEarly(ports, 'bad.spdx');
    expect(await early.ready(1000)).toBeUndefined();
    await expect(early.ports.openFile('bad.spdx')).rejects.toThrow(/SBOM_UNREADABLE/);
    await expect(early.ports.openFile('bad.spdx')).rejects.toThrow(/SBOM_UNREADABLE/);
    expect(reads).toEqual(['bad.spdx', 'bad.spdx']);
  });
});

describe('the document screens while a file opens, and after it fails', () => {
  /** Ports whose openFile waits for the gate of the path it is given. */
  function gatedPorts(gates: Record<string, Promise<void>>): TuiPorts {
    const { ports } = fakePorts();
    return {
      ...ports,
      openFile: async (path: string) => {
        await gates[path];
        if (path.startsWith('bad')) throw new Error(`${path}: not an SPDX document [SBOM_UNREADABLE]`);
        return fixtureView(path);
      },
    };
  }

  it('the Explorer names the file being opened, then shows it', async () => {
    const slow = gate();
    const app = render(<App ports={gatedPorts({ 'slow.spdx': slow.promise })} initial={{ kind: 'file', value: 'slow.spdx' }} />);
    const frame = await see(app, 'Opening slow.spdx…');
    expect(frame).not.toContain('No document loaded yet');
    slow.open();
    const opened = await see(app, '15 of 15 elements');
    expect(opened).not.toContain('Opening');
  });

  it('a file that fails to open is reported on the Explorer and on the Release screen, not as "nothing loaded yet"', async () => {
    const app = render(<App ports={gatedPorts({})} initial={{ kind: 'file', value: 'bad.spdx' }} />);
    const frame = await see(app, '✘ bad.spdx: not an SPDX document [SBOM_UNREADABLE]');
    expect(frame).toContain('Nothing is loaded: press o on the Release screen (1)');
    expect(frame).not.toContain('No document loaded yet');
    await press(app.stdin, '1');
    await see(app, '✘ bad.spdx: not an SPDX document [SBOM_UNREADABLE]');
  });

  it('a failed open after a good one keeps the open document and says what failed', async () => {
    const app = render(<App ports={gatedPorts({})} initial={{ kind: 'file', value: 'good.spdx' }} />);
    await see(app, '15 of 15 elements');
    await press(app.stdin, '1', 'o', ...'bad.spdx'.split(''), KEY.enter);
    const frame = await see(app, '✘ bad.spdx: not an SPDX document [SBOM_UNREADABLE]');
    expect(frame).toContain('Opened file good.spdx');
  });

  it('a slow file finishing after a release was verified does not replace the release', async () => {
    const slow = gate();
    const app = render(<App ports={gatedPorts({ 'slow.spdx': slow.promise })} initial={{ kind: 'file', value: 'slow.spdx' }} />);
    await see(app, 'Opening slow.spdx…');
    await press(app.stdin, '1', 'o', ...'v1.2.3'.split(''), KEY.enter);
    await see(app, /VERIFIED: every check passed/);
    slow.open();
    await settle();
    // A key's answer drawn after the late file answered: the frame below is the state it left.
    await press(app.stdin, '?');
    await see(app, /Keys \(esc/);
    await press(app.stdin, KEY.escape);
    const frame = await see(app, /VERIFIED: every check passed/);
    expect(frame).not.toContain('Opened file');
    expect(frame).not.toContain('Opening');
  });

  it('a slow file finishing after a later open does not replace the later document', async () => {
    const slow = gate();
    const fast = gate();
    const app = render(<App ports={gatedPorts({ 'slow.spdx': slow.promise, 'fast.spdx': fast.promise })} initial={{ kind: 'file', value: 'slow.spdx' }} />);
    await see(app, 'Opening slow.spdx…');
    await press(app.stdin, '1', 'o', ...'fast.spdx'.split(''), KEY.enter);
    await see(app, 'Opening fast.spdx…');
    fast.open();
    await see(app, '15 of 15 elements');
    slow.open();
    await settle();
    await press(app.stdin, '1');
    const frame = await see(app, 'Opened file');
    expect(frame).toContain('Opened file fast.spdx');
  });
});
