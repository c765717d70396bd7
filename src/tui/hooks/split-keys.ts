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

export function splitKeys(input: string, key: Key): Array<[string, Key]> {
  if (input.length <= 1 || key.ctrl || key.meta || input.includes('\u001b')) return [[input, key]];
  return [...input].map((ch): [string, Key] => {
    if (ch === '\r' || ch === '\n') return [ch, { ...NO_KEY, return: true }];
    if (ch === '\t') return ['', { ...NO_KEY, tab: true }];
    if (ch === '\u007f' || ch === '\b') return ['', { ...NO_KEY, delete: true }];
    return [ch, { ...NO_KEY, shift: ch !== ch.toLowerCase() }];
  });
}
