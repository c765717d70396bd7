// Relationships as a collapsible tree (the `outline` command's tree); only the rows in the window are drawn.
import { Box, Text } from 'ink';
import { Prompt } from '../components/Prompt.js';
import { WindowedList } from '../components/WindowedList.js';
import type { TreeState } from '../state/app-state.js';
import { UNREACHED_ID, type TreeRow } from '../state/tree-rows.js';
import { clip, formatCount, wrap } from '../text.js';
import { symbols, theme } from '../theme.js';

const MESSAGE_LINES = 3;

/** Lines the screen uses above its list: the title and the prompt or message (a refusal is read whole). */
export function treeChrome(state: TreeState, width: number): number {
  return 1 + (state.input ? 1 : Math.max(1, Math.min(MESSAGE_LINES, wrap(state.message ?? '', width - 1).length)));
}

// Past this depth rows stop indenting and say their depth, as `outline` does.
const MAX_INDENT = 20;

function nodeText(row: TreeRow): { main: string; note: string } {
  const { node } = row;
  const group = node.id === UNREACHED_ID;
  const name = group ? (node.name ?? '') : node.name !== undefined && node.name !== node.id ? `${node.name} (${node.id})` : node.id;
  if (node.kind === 'external') return { main: name, note: ' external: enter opens it from a file, checked against the SHA-1' };
  if (node.repeat) return { main: name, note: ' repeat: expanded above' };
  return { main: name, note: node.children.length > 0 && !row.expanded ? ` +${formatCount(node.children.length)}` : '' };
}

interface Props {
  state: TreeState;
  rows: readonly TreeRow[];
  width: number;
  height: number;
  /** The tree is being worked out (a big document): said instead of an empty list. */
  building?: boolean;
  elements?: number;
}

export function TreeScreen({ state, rows, width, height, building = false, elements = 0 }: Props) {
  if (building) return <Text color={theme.dim}>Working out the relationship tree of {formatCount(elements)} elements…</Text>;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text bold>Tree</Text>
        <Text color={theme.dim}> {formatCount(rows.length)} rows shown; → expands, ← collapses, d the Detail</Text>
      </Text>
      {state.input ? (
        <Prompt label={`file for ${clip(state.input.refId, 30)}: `} value={state.input.value} editing width={width} />
      ) : (
        wrap(state.message ?? '', width - 1)
          .slice(0, MESSAGE_LINES)
          .map((line, i) => (
            <Text key={i} color={theme.warn}>
              {line}
            </Text>
          ))
      )}
      <WindowedList
        count={rows.length}
        list={state.list}
        height={height - treeChrome(state, width)}
        renderRow={(i, isCursor) => {
          const row = rows[i]!;
          const deep = row.depth > MAX_INDENT;
          const indent = '  '.repeat(Math.min(row.depth, MAX_INDENT)) + (deep ? `[${row.depth}] ` : '');
          const marker = row.node.children.length === 0 ? '  ' : row.expanded ? '- ' : '+ ';
          const { main, note } = nodeText(row);
          return (
            <Text inverse={isCursor} wrap="truncate">
              {isCursor ? symbols.cursor : ' '} {indent}
              {marker}
              {row.node.via ? <Text color={isCursor ? undefined : theme.dim}>{clip(row.node.via, 24)} </Text> : null}
              {row.node.id === UNREACHED_ID ? null : <Text color={row.node.kind === 'external' ? theme.warn : theme.accent}>{row.node.kind} </Text>}
              {clip(main, Math.max(8, width - indent.length - 20))}
              <Text color={isCursor ? undefined : theme.dim}>{note}</Text>
            </Text>
          );
        }}
      />
    </Box>
  );
}
