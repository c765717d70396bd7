// Editing a one-line value with the keys a terminal sends; pure, so the reducer and the tests can share it.
import type { Key } from 'ink';

export type TextInputResult = { kind: 'edit'; value: string } | { kind: 'submit'; value: string } | { kind: 'cancel' };

export function editText(value: string, input: string, key: Key): TextInputResult {
  if (key.return) return { kind: 'submit', value };
  if (key.escape) return { kind: 'cancel' };
  if (key.backspace || key.delete) return { kind: 'edit', value: value.slice(0, -1) };
  if (key.ctrl && input === 'u') return { kind: 'edit', value: '' };
  if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow) return { kind: 'edit', value };
  // Pasted text arrives as one chunk: keep printable characters only.
  const printable = [...input].filter((ch) => ch >= ' ' && ch !== '\u007f').join('');
  return { kind: 'edit', value: value + printable };
}
