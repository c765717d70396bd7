// The keys each screen cannot be used without, as the status bar writes them: checked at 80 and 60 columns
// (test/tui/narrow.test.tsx) and in a real terminal (test/e2e). The Audit view (A) is reachable from every screen.
export const ESSENTIAL = {
  release: ['enter verify', 'o open', 'q quit', '? help', 'A audit'],
  explorer: ['enter open', '/ filter', 'f kind', 'v verify', 'q quit', '? help', 'A audit'],
  detail: ['enter follow', 'esc back', 'q quit', 'A audit'],
  images: ['space select', 'v verify', 'V all', 'a arch', '/ filter', 'q quit', 'A audit'],
  verification: ['esc back', 'v verify', 'q quit', 'A audit'],
  export: ['enter write', 'c what', 'f format', 'd folder', 'n name', 'q quit', 'A audit'],
  audit: ['enter why', 'q quit', 'A audit'],
  licenses: ['enter elements', 'q quit', '? help', 'A audit'],
  tree: ['→ expand', '← collapse', 'enter open', 'd detail', 'q quit', 'A audit'],
  diff: ['o compare with', 'q quit', '? help', 'A audit'],
} as const;
