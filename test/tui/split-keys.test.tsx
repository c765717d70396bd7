// Escape read in one chunk with the key after it ("\u001b/"), as a loaded machine or a slow link delivers it: it
// must act as Escape, then that key, not as one alt-key (which Ink would drop or read as a bare "/").
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/tui/App.js';
import { NO_KEY, splitKeys } from '../../src/tui/hooks/split-keys.js';
import { fakePorts } from './fake-ports.js';
import { KEY, press, see } from './keys.js';

afterEach(() => cleanup());

async function detailOpen() {
  const { ports } = fakePorts();
  const app = render(<App ports={ports} initial={{ kind: 'file', value: 'f.spdx' }} />);
  await see(app, /15 of 15 elements/);
  await press(app.stdin, '/', ...'apiserver.tar'.split(''), KEY.enter, KEY.enter);
  await see(app, 'Explorer › kube-apiserver.tar');
  return app;
}

describe('Escape and the next key in one chunk', () => {
  it('esc then / goes back from Detail and opens the filter', async () => {
    const app = await detailOpen();
    app.stdin.write('\u001b/');
    await see(app, /enter keeps it, esc clears it/);
    expect(app.lastFrame()).not.toContain('Explorer › ');
  });

  it('esc then a letter goes back and runs the letter (f: the next kind)', async () => {
    const app = await detailOpen();
    app.stdin.write('\u001bf');
    const frame = await see(app, /Explorer\s+kind images/);
    expect(frame).not.toContain('Explorer › ');
  });

  it('esc esc from a Detail opened from a Detail goes back twice', async () => {
    const app = await detailOpen();
    await press(app.stdin, KEY.enter);
    await see(app, /Explorer › kube-apiserver\.tar › sha256:0{10}/);
    app.stdin.write('\u001b\u001b');
    await see(app, /Explorer\s+kind all/);
  });

  it('esc while typing a filter then enter: the filter is cleared, then the row under the cursor opens', async () => {
    const { ports } = fakePorts();
    const app = render(<App ports={ports} initial={{ kind: 'file', value: 'f.spdx' }} />);
    await see(app, /15 of 15 elements/);
    await press(app.stdin, '/', 'z', 'z', 'z');
    await see(app, /0 of 15 elements/);
    app.stdin.write('\u001b\r');
    await see(app, 'Explorer › ');
  });
});

describe('splitKeys', () => {
  it('keeps arrows and a lone escape as Ink read them', () => {
    const up = { ...NO_KEY, upArrow: true };
    expect(splitKeys('', up, '\u001b[A')).toEqual([['', up]]);
    const esc = { ...NO_KEY, escape: true, meta: true };
    expect(splitKeys('', esc, '\u001b')).toEqual([['', esc]]);
  });

  it('reads ctrl-c inside a burst as ctrl-c', () => {
    expect(splitKeys('j\u0003', NO_KEY, 'j\u0003')).toEqual([
      ['j', NO_KEY],
      ['c', { ...NO_KEY, ctrl: true }],
    ]);
  });
});
