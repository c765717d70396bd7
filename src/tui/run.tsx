// Starts the Ink app on the real terminal: alternate screen, raw keys, and the terminal restored however it ends.
import { render, type Instance } from 'ink';
import { App, type AppProps } from './App.js';

const ENTER_ALT = '\u001b[?1049h\u001b[H';
const LEAVE_ALT = '\u001b[?1049l';

export async function runTui(props: Omit<AppProps, 'onExit'>): Promise<void> {
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    process.stdout.write(LEAVE_ALT);
  };
  process.stdout.write(ENTER_ALT);
  process.once('exit', restore);
  let instance: Instance | undefined;
  const onSignal = () => {
    instance?.unmount();
    restore();
    process.exit(130);
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  // Before raw mode is on (the first moments), ctrl-c is still a signal: leave the alternate screen then too.
  process.once('SIGINT', onSignal);
  // ctrl-c is a key in the keymap (raw mode swallows SIGINT): the app handles it and unmounts cleanly.
  instance = render(<App {...props} />, { exitOnCtrlC: false, patchConsole: true });
  try {
    await instance.waitUntilExit();
  } finally {
    instance.unmount();
    restore();
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
    process.off('SIGINT', onSignal);
  }
}
