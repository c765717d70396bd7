// Audit: everything verified in this run, release files and images, one row each and one column per check
// (✔ pass, ✘ fail, · not checked); enter shows every check and the whole reason.
import { Box, Text } from 'ink';
import { WindowedList } from '../components/WindowedList.js';
import type { AuditMatrix, Cell } from '../state/audit-matrix.js';
import type { ListState } from '../state/list.js';
import { cell, clip } from '../text.js';
import { symbols, theme } from '../theme.js';
import { statusOf } from './ImagesScreen.js';

export const AUDIT_CHROME = 2;

const CELL: Record<Cell, { mark: string; color: string }> = {
  pass: { mark: symbols.pass, color: theme.ok },
  fail: { mark: symbols.fail, color: theme.bad },
  none: { mark: symbols.pending, color: theme.dim },
};

const KIND_WIDTH = 6;
const STATUS_WIDTH = 14;

/** How many check columns fit, each as wide as its (clipped) name: the rest are behind enter. */
function layout(columns: string[], width: number) {
  const widths = columns.map((c) => Math.min(10, Math.max(3, c.length)));
  const nameMin = 22;
  let room = width - 3 - KIND_WIDTH - STATUS_WIDTH - nameMin - 3;
  let shown = 0;
  while (shown < widths.length && room >= widths[shown]! + 1) room -= widths[shown++]! + 1;
  return { widths: widths.slice(0, shown), nameWidth: nameMin + room, hidden: columns.length - shown };
}

interface Props {
  matrix: AuditMatrix;
  /** What the verification runs warned about (e.g. the trusted root they fell back to): the latest shows. */
  warnings?: string[];
  running?: boolean;
  list: ListState;
  width: number;
  height: number;
}

export function AuditScreen({ matrix, warnings = [], running = false, list, width, height }: Props) {
  const { widths, nameWidth, hidden } = layout(matrix.columns, width);
  const count = (s: string) => matrix.rows.filter((r) => r.result.status === s).length;
  const header = `  ${cell('kind', KIND_WIDTH)} ${cell('artifact', nameWidth)} ${cell('status', STATUS_WIDTH)} ${widths.map((w, i) => cell(matrix.columns[i]!, w)).join(' ')}`;
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>Audit</Text>
        <Text color={theme.dim}> {matrix.rows.length} verified this run</Text>
        {count('verified') ? <Text color={theme.ok}> {count('verified')} passed</Text> : null}
        {count('failed') ? <Text color={theme.bad}> {count('failed')} failed</Text> : null}
        {count('unchecked') ? <Text color={theme.warn}> {count('unchecked')} not checked</Text> : null}
        {hidden ? <Text color={theme.dim}> (+{hidden} checks: enter)</Text> : null}
        {running ? <Text color={theme.warn}> verifying…</Text> : null}
      </Text>
      {warnings.length > 0 ? (
        <Text color={theme.warn}>
          {clip(`${symbols.unknown} warning: ${warnings[warnings.length - 1]}${warnings.length > 1 ? ` (+${warnings.length - 1} more)` : ''}`, width - 1)}
        </Text>
      ) : null}
      <Text color={theme.dim}>{clip(header, width - 1)}</Text>
      <WindowedList
        count={matrix.rows.length}
        list={list}
        height={height - AUDIT_CHROME - (warnings.length > 0 ? 1 : 0)}
        empty="nothing verified yet: v verifies on the Explorer (binaries, archives, images) and on the Images screen"
        renderRow={(i, isCursor) => {
          const row = matrix.rows[i]!;
          const status = statusOf(row.result);
          return (
            <Text inverse={isCursor} wrap="truncate">
              {isCursor ? symbols.cursor : ' '} <Text color={theme.accent}>{cell(row.kind, KIND_WIDTH)}</Text> {cell(row.name, nameWidth)}{' '}
              <Text color={status.color}>{cell(`${status.mark} ${status.text}`, STATUS_WIDTH)}</Text>
              {widths.map((w, c) => (
                <Text key={c} color={CELL[row.cells[c]!].color}>
                  {' '}
                  {cell(CELL[row.cells[c]!].mark, w)}
                </Text>
              ))}
            </Text>
          );
        }}
      />
    </Box>
  );
}
