// Detail: every field of one element, its checksums, image facts and relationships both ways; enter follows.
import { Box, Text } from 'ink';
import type { ElementDetail, ImageResult } from '../ports.js';
import { WindowedList } from '../components/WindowedList.js';
import type { ListState } from '../state/list.js';
import { cell, clip } from '../text.js';
import { symbols, theme } from '../theme.js';
import type { DetailLine } from './detail-lines.js';
import { statusOf } from './ImagesScreen.js';

interface Props {
  detail?: ElementDetail;
  trail: string[];
  lines: DetailLine[];
  list: ListState;
  width: number;
  height: number;
  /** Set when the element is a release artifact: its verification status in this run ('none': not verified yet). */
  verification?: ImageResult['status'] | 'none';
  /** The screen the Detail was opened from, first in the breadcrumb. */
  from?: string;
}

export const DETAIL_CHROME = 2;

function Line({ line, width, isCursor }: { line: DetailLine; width: number; isCursor: boolean }) {
  const mark = isCursor ? symbols.cursor : ' ';
  if (line.kind === 'heading')
    return (
      <Text inverse={isCursor} bold color={theme.accent}>
        {mark} {clip(line.text, width - 3)}
      </Text>
    );
  if (line.kind === 'field') {
    return (
      <Text inverse={isCursor}>
        {mark} <Text color={theme.dim}>{cell(line.label, 14)}</Text> {clip(line.value, width - 19)}
      </Text>
    );
  }
  const { link } = line;
  const arrow = line.direction === 'out' ? '→' : '←';
  const target = link.name ? `${link.name}  ${link.id}` : link.id;
  return (
    <Text inverse={isCursor}>
      {mark} {arrow} <Text color={theme.warn}>{cell(link.type, 22)}</Text>{' '}
      <Text color={link.navigable ? undefined : theme.dim}>{clip(target, Math.max(8, width - 29))}</Text>
    </Text>
  );
}

export function DetailScreen({ detail, trail, lines, list, width, height, verification, from = 'Explorer' }: Props) {
  if (!detail) return <Text color={theme.bad}>This element is not in the document.</Text>;
  const status = verification === undefined ? undefined : statusOf(verification === 'none' ? undefined : { reference: '', status: verification, checks: [] });
  const statusText = status ? ` ${status.mark} ${status.text}${verification === 'none' ? ' (v verifies)' : ''}` : '';
  const crumbs = [from, ...trail].map((t) => clip(t, 30)).join(' › ');
  return (
    <Box flexDirection="column">
      <Text color={theme.dim}>{clip(crumbs.length > width - 2 ? `…${crumbs.slice(-(width - 3))}` : crumbs, width - 1)}</Text>
      <Text>
        <Text bold>{clip(detail.name, Math.max(10, width - detail.kind.length - statusText.length - 6))}</Text>
        <Text color={theme.accent}> {detail.kind}</Text>
        {status ? <Text color={status.color}>{statusText}</Text> : null}
      </Text>
      <WindowedList
        count={lines.length}
        list={list}
        height={height - DETAIL_CHROME}
        renderRow={(i, isCursor) => <Line line={lines[i]!} width={width} isCursor={isCursor} />}
      />
    </Box>
  );
}
