// The keys each screen cannot be used without, as the status bar writes them: checked at 80 and 60 columns
// (test/tui/narrow.test.tsx) and in a real terminal (test/e2e).
export const ESSENTIAL = {
  release: ['enter verify', 'o open', 'q quit', '? help'],
  explorer: ['enter open', '/ filter', 'f kind', 'q quit', '? help'],
  detail: ['enter follow', 'esc back', 'q quit'],
  images: ['space select', 'v verify', 'V all', 'a arch', '/ filter', 'q quit'],
  verification: ['esc back', 'v verify', 'q quit'],
  export: ['enter write', 'c what', 'f format', 'd folder', 'n name', 'q quit'],
  licenses: ['enter elements', 'q quit', '? help'],
  tree: ['→ expand', '← collapse', 'enter open', 'd detail', 'q quit'],
  diff: ['o compare with', 'q quit', '? help'],
} as const;
