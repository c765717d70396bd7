// Renders only the rows inside the window: cost follows the terminal's height, not the list's length.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { ListState } from '../state/list.js';
import { theme } from '../theme.js';

interface Props {
  count: number;
  list: ListState;
  height: number;
  empty?: string;
  renderRow: (index: number, isCursor: boolean) => ReactNode;
}

export function WindowedList({ count, list, height, empty, renderRow }: Props) {
  const rows: ReactNode[] = [];
  const end = Math.min(count, list.offset + height);
  // Keyed by slot, so scrolling reuses the same row components.
  for (let i = list.offset; i < end; i++) rows.push(<Box key={i - list.offset}>{renderRow(i, i === list.cursor)}</Box>);
  return (
    <Box flexDirection="column" height={height} overflowY="hidden">
      {count === 0 && empty ? <Text color={theme.dim}>{empty}</Text> : rows}
    </Box>
  );
}
