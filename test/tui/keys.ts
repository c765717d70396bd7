// Key sequences as a terminal sends them, and a helper to type them into an ink-testing-library app.
export const KEY = {
  up: '\u001b[A',
  down: '\u001b[B',
  pageDown: '\u001b[6~',
  pageUp: '\u001b[5~',
  enter: '\r',
  escape: '\u001b',
  backspace: '\u007f',
  tab: '\t',
  shiftTab: '\u001b[Z',
  end: '\u001b[F',
  space: ' ',
  ctrlC: '\u0003',
} as const;

export const tick = (ms = 15) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once every promise callback queued so far has run (one macrotask turn): a settled use case has answered. */
export const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Writes each key separately, letting the app re-render in between. */
export async function press(stdin: { write: (s: string) => void }, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    stdin.write(key);
    await tick();
  }
}

/** Waits until the frame satisfies `ok` (the app renders asynchronously after a use case answers). 10 s: a first
 * render can take seconds on a loaded 2-CPU machine; a passing wait returns as soon as the frame matches. */
export async function until(frame: () => string | undefined, ok: (text: string) => boolean, timeoutMs = 10_000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const text = frame() ?? '';
    if (ok(text)) return text;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting; last frame:\n${text}`);
    await tick(10);
  }
}

/** The frame once it matches `pattern` (rendering follows a key press asynchronously); fails with the last frame. */
export async function see(app: { lastFrame: () => string | undefined }, pattern: RegExp | string): Promise<string> {
  const ok = (f: string) => (typeof pattern === 'string' ? f.includes(pattern) : pattern.test(f));
  try {
    return await until(app.lastFrame, ok);
  } catch {
    const frame = app.lastFrame() ?? '';
    throw new Error(`expected the screen to show ${String(pattern)}; it shows:\n${frame}`);
  }
}
