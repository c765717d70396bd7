// A burst of keys can arrive as one chunk ("4p\r" from a fast typist, tmux or a paste): split it into the key
// presses it stands for, so each goes through the keymap on its own.
import type { Key } from 'ink';

/** A Key with nothing held: what a plain character arrives with. */
export const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
} as Key;

const ESC = '\u001b';
const ESCAPE_KEY: [string, Key] = ['', { ...NO_KEY, escape: true, meta: true }];

/** One character of a burst as the key press it stands for. */
function keyOf(ch: string): [string, Key] {
  if (ch === ESC) return ESCAPE_KEY;
  if (ch === '\r' || ch === '\n') return [ch, { ...NO_KEY, return: true }];
  if (ch === '\t') return ['', { ...NO_KEY, tab: true }];
  if (ch === '\u007f' || ch === '\b') return ['', { ...NO_KEY, delete: true }];
  // ctrl-a .. ctrl-z, written as Ink writes a lone one: the letter with ctrl (ctrl-c inside a burst still quits).
  if (ch >= '\u0001' && ch <= '\u001a') return [String.fromCharCode(ch.charCodeAt(0) + 96), { ...NO_KEY, ctrl: true }];
  return [ch, { ...NO_KEY, shift: ch !== ch.toLowerCase() }];
}

/**
 * `raw` is the event as read (use-raw-input.ts). Escape read together with the next key ("\u001b/", "\u001bf",
 * "\u001b\r": a loaded machine, a slow link, tmux) is what a terminal sends for alt-key; Ink then drops the Escape
 * or marks the key meta, and both presses are lost. No key of this app uses alt, so it is Escape, then that key.
 */
export function splitKeys(input: string, key: Key, raw?: string): Array<[string, Key]> {
  const chars = raw === undefined ? [] : [...raw];
  if (chars.length === 2 && chars[0] === ESC && !key.upArrow && !key.downArrow && !key.leftArrow && !key.rightArrow) return [ESCAPE_KEY, keyOf(chars[1]!)];
  if (input.length <= 1 || key.ctrl || key.meta || input.includes(ESC)) return [[input, key]];
  return [...input].map(keyOf);
}
