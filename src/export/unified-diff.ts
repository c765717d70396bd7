// A unified diff (`diff -u`, 3 lines of context) between a file and its rewrite, for edits that replace values in
// place: after the common head and tail, lines are paired one to one; a rewrite that changed the line count is one hunk.

const CONTEXT = 3;

type Op = { type: ' ' | '-' | '+'; text: string; oldLine: number; newLine: number };

export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops: Op[] = [];
  for (let i = 0; i < head; i++) ops.push({ type: ' ', text: a[i]!, oldLine: i, newLine: i });
  const aMid = a.slice(head, a.length - tail);
  const bMid = b.slice(head, b.length - tail);
  if (aMid.length === bMid.length) {
    aMid.forEach((line, i) => {
      const at = head + i;
      if (line === bMid[i]) ops.push({ type: ' ', text: line, oldLine: at, newLine: at });
      else ops.push({ type: '-', text: line, oldLine: at, newLine: at }, { type: '+', text: bMid[i]!, oldLine: at + 1, newLine: at });
    });
  } else {
    aMid.forEach((line, i) => ops.push({ type: '-', text: line, oldLine: head + i, newLine: head }));
    bMid.forEach((line, i) => ops.push({ type: '+', text: line, oldLine: head + aMid.length, newLine: head + i }));
  }
  for (let i = 0; i < tail; i++) ops.push({ type: ' ', text: a[a.length - tail + i]!, oldLine: a.length - tail + i, newLine: b.length - tail + i });
  return `--- a/${path}\n+++ b/${path}\n${hunks(ops).join('')}`;
}

/** Lines with their terminators; a last line without one is marked the way diff marks it. */
function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  const last = lines.length - 1;
  if (lines[last] !== undefined && !lines[last].endsWith('\n')) lines[last] += '\n\\ No newline at end of file\n';
  return lines;
}

function hunks(ops: Op[]): string[] {
  const changed = ops.flatMap((op, i) => (op.type === ' ' ? [] : [i]));
  const out: string[] = [];
  let i = 0;
  while (i < changed.length) {
    const start = Math.max(0, changed[i]! - CONTEXT);
    let end = changed[i]!;
    // Changes with at most twice the context of equal lines between them share a hunk, as in diff -u.
    while (i + 1 < changed.length && changed[i + 1]! - end - 1 <= 2 * CONTEXT) end = changed[++i]!;
    end = Math.min(ops.length - 1, end + CONTEXT);
    i++;
    const slice = ops.slice(start, end + 1);
    const oldCount = slice.filter((op) => op.type !== '+').length;
    const newCount = slice.filter((op) => op.type !== '-').length;
    const first = slice[0]!;
    const oldStart = oldCount ? first.oldLine + 1 : first.oldLine;
    const newStart = newCount ? first.newLine + 1 : first.newLine;
    out.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n`, ...slice.map((op) => `${op.type}${op.text}`));
  }
  return out;
}

const range = (start: number, count: number) => (count === 1 ? `${start}` : `${start},${count}`);
