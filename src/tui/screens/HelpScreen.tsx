// Help, generated from the keymap: every binding with its keys, grouped by where it works.
import { Box, Text } from 'ink';
import { BINDINGS, keyLabel, type Scope } from '../keymap.js';
import { theme } from '../theme.js';

const TITLES: Record<Scope, string> = {
  global: 'Everywhere',
  list: 'Lists',
  release: 'Release',
  explorer: 'Explorer',
  audit: 'Audit',
  detail: 'Detail',
  images: 'Images',
  verification: 'Verification of an image or file',
  licenses: 'Licenses',
  tree: 'Tree',
  diff: 'Diff',
  export: 'Export',
};

/** Help as lines, so the screen can scroll it at small heights. */
export function helpLines(): Array<{ heading?: string; keys?: string; text?: string }> {
  const lines: Array<{ heading?: string; keys?: string; text?: string }> = [];
  for (const scope of Object.keys(TITLES) as Scope[]) {
    lines.push({ heading: TITLES[scope] });
    for (const b of BINDINGS.filter((x) => x.scope === scope)) lines.push({ keys: keyLabel(b), text: b.help });
  }
  return lines;
}

export function HelpScreen({ height, offset }: { height: number; offset: number }) {
  const lines = helpLines();
  const start = Math.max(0, Math.min(offset, lines.length - height + 1));
  return (
    <Box flexDirection="column">
      <Text bold>
        Keys <Text color={theme.dim}>(esc or ? goes back; ↑↓ scroll)</Text>
      </Text>
      {lines.slice(start, start + height - 1).map((l, i) =>
        l.heading ? (
          <Text key={i} bold color={theme.accent}>
            {l.heading}
          </Text>
        ) : (
          <Text key={i}>
            {' '}
            <Text color={theme.accent}>{(l.keys ?? '').padEnd(22)}</Text>
            {l.text}
          </Text>
        ),
      )}
    </Box>
  );
}
