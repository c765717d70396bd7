// verify-release's live table on a terminal (stderr): one line per artifact whose status changes in place, and a
// count line. renderLiveTable is pure (states in, lines out); LiveTable redraws it over its previous drawing.
import { formatBytes } from '../common/format-bytes.js';
import { sanitizeLine } from '../common/sanitize.js';

export type LiveState = 'waiting' | 'running' | 'pass' | 'fail' | 'error';

export interface LiveRow {
  name: string;
  state: LiveState;
  bytesDone?: number;
  totalBytes?: number;
  /** The failure code once it failed. */
  code?: string;
}

const MARK: Record<LiveState, string> = { waiting: 'wait ', running: '...  ', pass: 'ok   ', fail: 'FAIL ', error: 'ERROR' };

function rowLine(row: LiveRow, columns: number): string {
  let detail = '';
  if (row.state === 'running' && row.bytesDone !== undefined) {
    detail = row.totalBytes ? `${formatBytes(row.bytesDone)} of ${formatBytes(row.totalBytes)}` : formatBytes(row.bytesDone);
  } else if ((row.state === 'fail' || row.state === 'error') && row.code) {
    detail = row.code;
  }
  const line = `${MARK[row.state]} ${sanitizeLine(row.name)}${detail ? `  ${detail}` : ''}`;
  return line.length > columns ? `${line.slice(0, Math.max(0, columns - 1))}…` : line;
}

/**
 * The lines to show: every row when they fit above the count line; otherwise the running ones, then the failed ones,
 * as many as fit (finished passes and waiting rows are only counted), so the drawing never outgrows the screen.
 */
export function renderLiveTable(rows: readonly LiveRow[], size: { columns: number; rows: number }): string[] {
  const columns = Math.max(20, size.columns);
  const room = Math.max(1, size.rows - 2);
  const count = (s: LiveState) => rows.filter((r) => r.state === s).length;
  const finished = count('pass') + count('fail') + count('error');
  const summary = `[${finished}/${rows.length}] ${count('pass')} ok, ${count('fail')} failed, ${count('error')} unchecked, ${count('running')} running`;
  const shown =
    rows.length <= room
      ? rows
      : [...rows.filter((r) => r.state === 'running'), ...rows.filter((r) => r.state === 'fail' || r.state === 'error')].slice(0, room);
  return [...shown.map((r) => rowLine(r, columns)), summary.slice(0, columns)];
}

export class LiveTable {
  private readonly rows: LiveRow[] = [];
  private readonly byName = new Map<string, LiveRow>();
  private readonly byUrl = new Map<string, LiveRow>();
  private drawn = 0;
  private lastDraw = 0;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    /** Redraws closer together than this are skipped (download progress comes in often); state changes always draw. */
    private readonly minIntervalMs = 100,
  ) {}

  /** Rows in the order given, waiting. */
  add(names: readonly string[]): void {
    for (const name of names) {
      if (this.byName.has(name)) continue;
      const row: LiveRow = { name, state: 'waiting' };
      this.rows.push(row);
      this.byName.set(name, row);
    }
    this.draw(true);
  }

  /** An image's check began; a file's (given its URL) runs once its download does, and waits for a slot until then. */
  start(name: string, url?: string): void {
    const row = this.byName.get(name);
    if (!row) return;
    if (url) this.byUrl.set(url, row);
    else this.run(row);
  }

  /** The file at `url` is being downloaded (or read from the cache): its row is running. */
  downloading(url: string): void {
    const row = this.byUrl.get(url);
    if (row?.state === 'waiting') this.run(row);
  }

  progress(url: string, bytesDone: number, totalBytes?: number): void {
    const row = this.byUrl.get(url);
    if (!row || row.state !== 'running') return;
    row.bytesDone = bytesDone;
    row.totalBytes = totalBytes;
    this.draw(false);
  }

  finish(name: string, state: 'pass' | 'fail' | 'error', code?: string): void {
    const row = this.byName.get(name);
    if (!row) return;
    row.state = state;
    row.code = code;
    this.draw(true);
  }

  private run(row: LiveRow): void {
    row.state = 'running';
    this.draw(true);
  }

  /** Removes the drawing: the report on stdout says the same, in full. */
  close(): void {
    if (this.drawn > 0) this.stream.write(`\u001b[${this.drawn}A\r\u001b[J`);
    this.drawn = 0;
  }

  private draw(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < this.minIntervalMs) return;
    this.lastDraw = now;
    const lines = renderLiveTable(this.rows, { columns: this.stream.columns || 80, rows: this.stream.rows || 24 });
    const up = this.drawn > 0 ? `\u001b[${this.drawn}A` : '';
    this.stream.write(`${up}\r\u001b[J${lines.map((l) => `${l}\n`).join('')}`);
    this.drawn = lines.length;
  }
}
