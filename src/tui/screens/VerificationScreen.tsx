// Verification: why one image or release file verified or failed, with every check and the whole reason (the
// Images panel and the Audit matrix cut it).
import { Box, Text } from 'ink';
import { WindowedList } from '../components/WindowedList.js';
import type { ListState } from '../state/list.js';
import { cell, clip } from '../text.js';
import { symbols, theme } from '../theme.js';
import { LABEL_WIDTH, type Tone, type VerificationLine } from './verification-lines.js';

export const VERIFICATION_CHROME = 2;

const COLORS: Record<Tone, string> = { ok: theme.ok, bad: theme.bad, warn: theme.warn, dim: theme.dim, heading: theme.accent };

function Line({ line, width, isCursor }: { line: VerificationLine; width: number; isCursor: boolean }) {
  return (
    <Text inverse={isCursor} bold={line.tone === 'heading'}>
      {isCursor ? symbols.cursor : ' '} <Text color={COLORS[line.labelTone ?? 'dim']}>{cell(line.label, LABEL_WIDTH)}</Text>{' '}
      <Text color={line.tone ? COLORS[line.tone] : undefined}>{clip(line.text, width - LABEL_WIDTH - 4)}</Text>
    </Text>
  );
}

const RETURN_NAMES: Record<string, string> = { images: 'Images', audit: 'Audit', explorer: 'Explorer', detail: 'Detail' };

export function VerificationScreen({
  reference,
  kind = 'image',
  returnTo = 'images',
  lines,
  list,
  width,
  height,
}: {
  reference: string;
  kind?: 'image' | 'file';
  returnTo?: string;
  lines: VerificationLine[];
  list: ListState;
  width: number;
  height: number;
}) {
  return (
    <Box flexDirection="column">
      <Text bold>
        Verification of <Text color={theme.accent}>{clip(reference, width - 17)}</Text>
      </Text>
      <Text color={theme.dim}>{clip(`esc back to ${RETURN_NAMES[returnTo] ?? returnTo}, d the ${kind}'s SPDX element, v verify it`, width - 1)}</Text>
      <WindowedList
        count={lines.length}
        list={list}
        height={height - VERIFICATION_CHROME}
        renderRow={(i, isCursor) => <Line line={lines[i]!} width={width} isCursor={isCursor} />}
      />
    </Box>
  );
}
