// A download's progress: bar, bytes and rate (or done).
import { Text } from 'ink';
import type { DownloadRow } from '../state/app-state.js';
import { cell, formatBytes } from '../text.js';
import { symbols, theme } from '../theme.js';

export function ProgressBar({ row, width }: { row: DownloadRow; width: number }) {
  const labelWidth = Math.min(28, Math.max(12, Math.floor(width * 0.3)));
  const barWidth = Math.max(10, Math.min(30, width - labelWidth - 34));
  const fraction = row.done ? 1 : row.totalBytes ? Math.min(1, row.bytesDone / row.totalBytes) : 0;
  const filled = Math.round(fraction * barWidth);
  const bytes = row.totalBytes ? `${formatBytes(row.bytesDone)} / ${formatBytes(row.totalBytes)}` : formatBytes(row.bytesDone);
  return (
    <Text>
      {cell(row.label, labelWidth)} <Text color={row.done ? theme.ok : theme.accent}>{'█'.repeat(filled)}</Text>
      <Text color={theme.dim}>{'░'.repeat(barWidth - filled)}</Text>{' '}
      {row.done ? (
        <Text color={theme.dim}>
          {symbols.pass} {bytes}
        </Text>
      ) : (
        <Text>
          {bytes} {formatBytes(row.bytesPerSecond)}/s
        </Text>
      )}
      {row.retry && !row.done ? <Text color={theme.warn}> retrying: {cell(row.retry, 20)}</Text> : null}
    </Text>
  );
}
