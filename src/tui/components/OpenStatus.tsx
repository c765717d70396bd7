// The file being opened, or why the last open failed: one line, wherever a screen reports on opening files.
import { Text } from 'ink';
import { clip, safe } from '../text.js';
import { symbols, theme } from '../theme.js';

export function OpenStatus({ opening, loadError, width }: { opening?: string; loadError?: string; width: number }) {
  if (opening) return <Text color={theme.dim}>Opening {clip(opening, width - 10)}…</Text>;
  if (loadError)
    return (
      <Text color={theme.bad} wrap="wrap">
        {symbols.fail} {safe(loadError)}
      </Text>
    );
  return null;
}
