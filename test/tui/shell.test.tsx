// The shell: keymap-generated help and status bar, quitting, demo banner, resize, and inert escape sequences.
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/tui/App.js';
import { NO_KEY } from '../../src/tui/hooks/split-keys.js';
import { BINDINGS, Command, commandFor, keyLabel } from '../../src/tui/keymap.js';
import { helpLines } from '../../src/tui/screens/HelpScreen.js';
import { listReducer } from '../../src/tui/state/list.js';
import { fakePorts } from './fake-ports.js';
import { HOSTILE_NAME } from './fixture.js';
import { KEY, press, see, until } from './keys.js';

afterEach(() => cleanup());

const noKey = NO_KEY;

describe('keymap', () => {
  it('maps keys to commands by scope, vim keys and arrows alike', () => {
    expect(commandFor(['list'], 'j', noKey)).toBe(Command.Down);
    expect(commandFor(['list'], '', { ...(noKey as object), downArrow: true } as never)).toBe(Command.Down);
    expect(commandFor(['list'], 'f', { ...(noKey as object), ctrl: true } as never)).toBe(Command.PageDown);
    expect(commandFor(['explorer', 'list'], 'f', noKey)).toBe(Command.Kind);
    expect(commandFor(['global'], 'c', { ...(noKey as object), ctrl: true } as never)).toBe(Command.ForceQuit);
    expect(commandFor(['images'], 'j', noKey)).toBeUndefined();
  });

  it('keeps the cursor inside the list and the window', () => {
    expect(listReducer({ cursor: 0, offset: 0 }, { type: 'move', delta: -1 }, 10, 4)).toEqual({ cursor: 0, offset: 0 });
    expect(listReducer({ cursor: 3, offset: 0 }, { type: 'move', delta: 1 }, 10, 4)).toEqual({ cursor: 4, offset: 1 });
    expect(listReducer({ cursor: 0, offset: 0 }, { type: 'page', direction: 1 }, 10, 4)).toEqual({ cursor: 4, offset: 4 });
    expect(listReducer({ cursor: 0, offset: 0 }, { type: 'end' }, 100_000, 20)).toEqual({ cursor: 99_999, offset: 99_980 });
    expect(listReducer({ cursor: 9, offset: 6 }, { type: 'fit' }, 3, 4)).toEqual({ cursor: 2, offset: 0 });
    expect(listReducer({ cursor: 0, offset: 0 }, { type: 'move', delta: 1 }, 0, 4)).toEqual({ cursor: 0, offset: 0 });
  });
});

describe('shell', () => {
  it('? shows help generated from the keymap, and esc returns', async () => {
    const { ports } = fakePorts();
    const app = render(<App ports={ports} initial={{ kind: 'file', value: 'f.spdx' }} />);
    await see(app, 'elements');
    await press(app.stdin, '?');
    const frame = await see(app, /Keys \(esc or \? goes back/);
    for (const b of BINDINGS.filter((x) => x.scope === 'global')) expect(frame).toContain(b.help);
    expect(frame).toContain(keyLabel(BINDINGS.find((b) => b.command === Command.Down)!));
    await press(app.stdin, KEY.escape);
    await see(app, /Explorer\s+kind all/);
  });

  it('G and End go to the end of the help, g and Home back to its start; the help says space moves on', async () => {
    const { ports } = fakePorts();
    const app = render(<App ports={ports} initial={{ kind: 'file', value: 'f.spdx' }} />);
    await see(app, 'elements');
    await press(app.stdin, '?');
    let frame = await see(app, /ctrl-c\s+quit at once/);
    expect(frame).not.toContain('write the file (atomically)');
    await press(app.stdin, 'G');
    frame = await see(app, 'write the file (atomically)');
    expect(frame).not.toContain('quit at once');
    await press(app.stdin, 'g');
    await see(app, /ctrl-c\s+quit at once/);
    await press(app.stdin, KEY.end);
    const atEnd = await see(app, 'write the file (atomically)');
    await press(app.stdin, KEY.up);
    // One line up at once: every help line moves down by one.
    const helpOf = (f: string) => f.split('\n').slice(2, -1);
    frame = await until(app.lastFrame, (f) => f !== atEnd);
    expect(helpOf(frame).slice(1)).toEqual(helpOf(atEnd).slice(0, -1));
    expect(helpLines().some((l) => l.keys === 'space' && l.text === 'select or unselect the image, then move down')).toBe(true);
  });

  it('tab goes to the next screen and shift-tab to the previous one', async () => {
    const { ports } = fakePorts();
    const app = render(<App ports={ports} initial={{ kind: 'file', value: 'f.spdx' }} />);
    await see(app, 'elements');
    await press(app.stdin, KEY.tab);
    await see(app, /Images\s+arch all/);
    await press(app.stdin, KEY.shiftTab);
    await see(app, /Explorer\s+kind all/);
    await press(app.stdin, KEY.shiftTab);
    await see(app, /not verified: no checksum or signature was checked/);
    await press(app.stdin, KEY.shiftTab);
    await see(app, /enter writes the image list/);
    // Every screen a letter opens is on the round too: from Licenses, tab goes on, not back to the start.
    await press(app.stdin, KEY.shiftTab);
    await see(app, /Diff\s+nothing to compare with yet/);
    await press(app.stdin, KEY.shiftTab);
    await see(app, /Tree\s+\d/);
    await press(app.stdin, KEY.shiftTab);
    await see(app, /Licenses\s+\d/);
    await press(app.stdin, KEY.tab);
    await see(app, /Tree\s+\d/);
    await press(app.stdin, KEY.shiftTab, KEY.shiftTab);
    await see(app, /Audit\s/);
  });

  it('the status bar lists the keys of the current screen', async () => {
    const { ports } = fakePorts();
    const app = render(<App ports={ports} initial={{ kind: 'file', value: 'f.spdx' }} />);
    let frame = await see(app, 'elements');
    const status = () => app.lastFrame()!.trimEnd().split('\n').pop()!;
    expect(status()).toMatch(/\/ filter.*f kind.*s sort/);
    await press(app.stdin, '/');
    await until(app.lastFrame, () => /enter keeps it, esc clears it/.test(status()));
    await press(app.stdin, KEY.escape, '3');
    frame = await see(app, /Images\s+arch/);
    expect(frame.trimEnd().split('\n').pop()).toMatch(/space select.*v verify.*V all/);
  });

  it('q quits and ctrl-c quits even while typing a filter', async () => {
    const { ports } = fakePorts();
    const onExit = vi.fn();
    const app = render(<App ports={ports} initial={{ kind: 'file', value: 'f.spdx' }} onExit={onExit} />);
    await see(app, 'elements');
    await press(app.stdin, '/', 'q');
    await see(app, /\/ q/);
    expect(onExit).not.toHaveBeenCalled();
    await press(app.stdin, KEY.ctrlC);
    expect(onExit).toHaveBeenCalledTimes(1);
    const again = render(<App ports={ports} onExit={onExit} />);
    await see(again, /choose a version/);
    await press(again.stdin, 'q');
    expect(onExit).toHaveBeenCalledTimes(2);
  });

  it('a burst of keys in one chunk acts as the keys one by one', async () => {
    const { ports, calls } = fakePorts();
    const app = render(<App ports={ports} initial={{ kind: 'file', value: 'f.spdx' }} />);
    await see(app, 'elements');
    app.stdin.write('4\r');
    await see(app, /wrote 4 entries/);
    expect(calls.exports).toHaveLength(1);
    app.stdin.write('2/proxy\r');
    await see(app, /6 of 15 elements/);
  });

  it('says plainly when it shows demo data, and only while the demo document is the one loaded', async () => {
    const { ports } = fakePorts({ demo: 'DEMO DATA: signed by a demo trust root' });
    const app = render(<App ports={ports} initial={{ kind: 'version', value: 'v1.2.3' }} />);
    let frame = await see(app, /VERIFIED: every check passed/);
    expect(frame).toContain('DEMO DATA: signed by a demo trust root');
    await press(app.stdin, 'o', ...'doc.spdx'.split(''), KEY.enter);
    frame = await see(app, /15 of 15 elements/);
    expect(frame).toContain('doc.spdx (unverified)');
    expect(frame).not.toContain('DEMO DATA');
  });

  it('follows a resize of the terminal', async () => {
    const { ports } = fakePorts();
    const app = render(<App ports={ports} initial={{ kind: 'file', value: 'f.spdx' }} />);
    await see(app, 'elements');
    const stdout = app.stdout as unknown as { columns: number; emit: (e: string) => void };
    Object.defineProperty(stdout, 'columns', { value: 60, configurable: true });
    stdout.emit('resize');
    await until(app.lastFrame, (f) => f.split('\n').every((l) => l.length <= 60));
  });

  it('renders escape sequences from a document inert', async () => {
    const { ports } = fakePorts();
    const app = render(<App ports={ports} initial={{ kind: 'file', value: 'f.spdx' }} />);
    await see(app, 'elements');
    await press(app.stdin, '/', 'e', 'v', 'i', 'l', KEY.enter);
    let frame = await see(app, /1 of 15 elements/);
    const raw = app.frames.join('');
    // The name's own ESC [31m, OSC title and BEL never reach the terminal; what is left is visible text.
    expect(raw).not.toContain('\u001b[31mRED');
    expect(raw).not.toContain('\u001b]0;pwned');
    expect(raw).not.toContain('\u0007');
    expect(frame).toContain('evilRED-pkg\\x07');
    await press(app.stdin, KEY.enter);
    frame = await see(app, 'Relationships from here');
    expect(app.frames.join('')).not.toContain('\u001b]0;pwned');
    expect(HOSTILE_NAME).toContain('\u001b]0;pwned');
  });
});
