// Colours and symbols in one place; a good state is green only when it was actually checked.
export const theme = {
  accent: 'cyan',
  ok: 'green',
  bad: 'red',
  warn: 'yellow',
  dim: 'gray',
  selected: 'blue',
  demo: 'magenta',
} as const;

export const symbols = {
  pass: '✔',
  fail: '✘',
  pending: '·',
  running: '…',
  unknown: '?',
  selected: '◉',
  unselected: '○',
  cursor: '▸',
} as const;
