// Finds the line and column of a field path in JSON text without a second full parse: it walks only along the
// path, skipping sibling values, and remembers what it has walked so many lookups stay linear overall.
import type { SourcePosition } from '../model.js';
import { pathSegments, type Locator } from './context.js';

/** 1-based line and column of a character offset. */
export function lineColumnAt(text: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

// Checkpoints (offset, line, line start) at least every SPAN characters and every LINES lines: a lookup counts at
// most SPAN characters from one, and a document of short lines does not hold 8 bytes per line.
const SPAN = 1024;
const LINES = 128;

/** Line and column lookups over one text: checkpoints built once, binary-searched, then a short count. */
export function lineIndex(text: string): (offset: number) => SourcePosition {
  let index: { at: number[]; lines: number[]; starts: number[] } | undefined;
  return (offset) => {
    index ??= checkpoints(text);
    const { at, lines, starts } = index;
    let lo = 0;
    let hi = at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (at[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    let line = lines[lo]!;
    let lineStart = starts[lo]!;
    for (let i = at[lo]!; i < offset; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    return { line, column: offset - lineStart + 1 };
  };
}

function checkpoints(text: string): { at: number[]; lines: number[]; starts: number[] } {
  const at = [0];
  const lines = [1];
  const starts = [0];
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); ; i = text.indexOf('\n', i + 1)) {
    const end = i === -1 ? text.length : i;
    // Inside a long line, positions of that line every SPAN characters.
    while (end - at[at.length - 1]! > SPAN) {
      at.push(Math.max(at[at.length - 1]! + SPAN, start));
      lines.push(line);
      starts.push(start);
    }
    if (i === -1) return { at, lines, starts };
    line++;
    start = i + 1;
    if (line - lines[lines.length - 1]! >= LINES || start - at[at.length - 1]! >= SPAN) {
      at.push(start);
      lines.push(line);
      starts.push(start);
    }
  }
}

interface ObjectScan {
  keys: Map<string, number>;
  resume: number;
  done: boolean;
}
interface ArrayScan {
  starts: number[];
  resume: number;
  done: boolean;
}

export function jsonLocator(text: string): Locator {
  const toPosition = lineIndex(text);
  const objects = new Map<number, ObjectScan>();
  const arrays = new Map<number, ArrayScan>();
  const n = text.length;

  const ws = (i: number): number => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
    return i;
  };
  /** Index after the string starting at `i` (a quote). */
  const skipString = (i: number): number => {
    let j = i + 1;
    for (;;) {
      const q = text.indexOf('"', j);
      if (q === -1) return n;
      let backslashes = 0;
      for (let k = q - 1; text.charCodeAt(k) === 92; k--) backslashes++;
      if (backslashes % 2 === 0) return q + 1;
      j = q + 1;
    }
  };
  /** Index after the value starting at `i`. */
  const skipValue = (i: number): number => {
    const c = text.charCodeAt(i);
    if (c === 34) return skipString(i);
    if (c !== 123 && c !== 91) {
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) break;
        i++;
      }
      return i;
    }
    let depth = 0;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d === 34) {
        i = skipString(i);
        continue;
      }
      if (d === 123 || d === 91) depth++;
      else if (d === 125 || d === 93) {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    return n;
  };
  const valueOfKey = (objectStart: number, key: string): number | undefined => {
    let scan = objects.get(objectStart);
    if (!scan) {
      scan = { keys: new Map(), resume: objectStart + 1, done: false };
      objects.set(objectStart, scan);
    }
    const known = scan.keys.get(key);
    if (known !== undefined || scan.done) return known;
    let i = ws(scan.resume);
    while (i < n && text.charCodeAt(i) === 34) {
      const end = skipString(i);
      let name: string;
      try {
        name = JSON.parse(text.slice(i, end)) as string;
      } catch {
        break;
      }
      i = ws(end);
      if (text.charCodeAt(i) !== 58) break;
      const valueStart = ws(i + 1);
      i = ws(skipValue(valueStart));
      if (text.charCodeAt(i) === 44) i = ws(i + 1);
      scan.keys.set(name, valueStart);
      scan.resume = i;
      if (name === key) return valueStart;
    }
    scan.done = true;
    return undefined;
  };
  const element = (arrayStart: number, index: number): number | undefined => {
    let scan = arrays.get(arrayStart);
    if (!scan) {
      scan = { starts: [], resume: ws(arrayStart + 1), done: false };
      arrays.set(arrayStart, scan);
    }
    while (scan.starts.length <= index && !scan.done) {
      const i = scan.resume;
      if (i >= n || text.charCodeAt(i) === 93) {
        scan.done = true;
        break;
      }
      scan.starts.push(i);
      let next = ws(skipValue(i));
      if (text.charCodeAt(next) === 44) next = ws(next + 1);
      scan.resume = next;
    }
    return scan.starts[index];
  };

  /** Array starts by the path of the array, so element lookups (`packages[12]`) skip the path walk. */
  const arrayStarts = new Map<string, number | undefined>();
  const walk = (path: string): number => {
    let at = ws(0);
    for (const segment of pathSegments(path)) {
      const c = text.charCodeAt(at);
      const next = typeof segment === 'number' ? (c === 91 ? element(at, segment) : undefined) : c === 123 ? valueOfKey(at, segment) : undefined;
      if (next === undefined) break;
      at = next;
    }
    return at;
  };

  return (path) => {
    if (path.endsWith(']')) {
      const open = path.lastIndexOf('[');
      const list = path.slice(0, open);
      let start = arrayStarts.get(list);
      if (!arrayStarts.has(list)) {
        const at = walk(list);
        start = text.charCodeAt(at) === 91 ? at : undefined;
        arrayStarts.set(list, start);
      }
      const found = start === undefined ? undefined : element(start, Number(path.slice(open + 1, -1)));
      if (found !== undefined) return toPosition(found);
    }
    let at = ws(0);
    for (const segment of pathSegments(path)) {
      const c = text.charCodeAt(at);
      const next = typeof segment === 'number' ? (c === 91 ? element(at, segment) : undefined) : c === 123 ? valueOfKey(at, segment) : undefined;
      if (next === undefined) break;
      at = next;
    }
    return at < n ? toPosition(at) : undefined;
  };
}
