// The keys that work on this screen, generated from the keymap; when narrow, optional keys give way first.
import { Box, Text } from 'ink';
import { hintsFor, type Scope } from '../keymap.js';
import { theme } from '../theme.js';

export function StatusBar({ scopes, width, note }: { scopes: readonly Scope[]; width: number; note?: string }) {
  const hints = hintsFor(scopes);
  let used = 0;
  const shown: typeof hints = [];
  for (const h of hints) {
    // As drawn: keys, a space, text, a space (the next hint's separator).
    const size = h.keys.length + h.text.length + 2;
    // Skip rather than stop: a shorter hint further down may still fit.
    if (used + size > width - 1) continue;
    used += size;
    shown.push(h);
  }
  return (
    <Box height={1} overflowY="hidden">
      {note ? (
        <Text color={theme.warn}>{note.slice(0, width - 1)}</Text>
      ) : (
        shown.map((h) => (
          <Text key={`${h.keys}-${h.text}`}>
            <Text color={theme.accent} bold>
              {h.keys}
            </Text>
            <Text color={theme.dim}> {h.text} </Text>
          </Text>
        ))
      )}
    </Box>
  );
}
