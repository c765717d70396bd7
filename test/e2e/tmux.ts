// A real terminal for end-to-end tests: a tmux session on its own socket, keys in, screen text out.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export const tmuxMissing = spawnSync('tmux', ['-V']).status === 0 ? undefined : 'tmux is not installed (Debian package tmux)';

export class TmuxSession {
  readonly socket = `kube-sbom-e2e-${process.pid}-${randomBytes(4).toString('hex')}`;

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  private rows = 24;

  /** Starts `command` (argv) in a detached session of the given size; CI is removed so Ink stays interactive. */
  start(command: string[], options: { cwd: string; columns?: number; rows?: number; env?: Record<string, string> }): void {
    this.rows = options.rows ?? 24;
    const env = Object.entries({ NO_COLOR: '1', ...options.env }).map(([k, v]) => `${k}=${v}`);
    const quoted = ['env', '-u', 'CI', ...env, ...command].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    // `; sleep` keeps the pane open after the program ends, so its last screen can still be read.
    this.tmux(
      'new-session',
      '-d',
      '-s',
      'e2e',
      '-x',
      String(options.columns ?? 80),
      '-y',
      String(options.rows ?? 24),
      '-c',
      options.cwd,
      `${quoted}; sleep 600`,
    );
  }

  /** Named keys (Enter, Escape, Space, PageDown ...) or literal text with `{ literal: true }`. */
  keys(...keys: string[]): void {
    for (const key of keys) this.tmux('send-keys', '-t', 'e2e', key);
  }

  type(text: string): void {
    this.tmux('send-keys', '-t', 'e2e', '-l', text);
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', 'e2e');
  }

  /**
   * The screen once it matches `pattern` and is a whole frame: unchanged over one poll and, while the UI is up (its
   * header of tab keys starts the screen), with its status bar drawn on the frame's last row. Ink erases the old frame and
   * draws the new one from the top, so a capture taken midway has the new top and no status bar yet.
   */
  async waitFor(pattern: RegExp | string, timeoutMs = 20_000): Promise<string> {
    const ok = (s: string) => (typeof pattern === 'string' ? s.includes(pattern) : pattern.test(s));
    const start = Date.now();
    let previous = '';
    for (;;) {
      const screen = this.screen();
      if (ok(screen) && screen === previous && whole(screen, this.rows)) return screen;
      previous = screen;
      if (Date.now() - start > timeoutMs) throw new Error(`the terminal never showed ${String(pattern)} in a whole frame; it shows:\n${screen}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}

/** The UI's frame is one row shorter than the pane (App.tsx): its status bar is the pane's second-last row. */
function whole(screen: string, rows: number): boolean {
  const lines = screen.split('\n');
  // The header: "kube-sbom  1 Release  2 ..." or, when narrow, " 1  2 Explorer ...".
  if (!/^(?:kube-sbom)? *1 /.test(lines[0] ?? '')) return true;
  return (lines[rows - 2] ?? '').trim() !== '';
}
