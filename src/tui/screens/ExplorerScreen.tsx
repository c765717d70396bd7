// Explorer: every element in a windowed list, with kind filter, `/` incremental filter and sort.
import { Box, Text } from 'ink';
import type { SbomView } from '../ports.js';
import { Prompt } from '../components/Prompt.js';
import { WindowedList } from '../components/WindowedList.js';
import type { AppState } from '../state/app-state.js';
import { cell, clip, formatCount } from '../text.js';
import { symbols, theme } from '../theme.js';

interface Props {
  state: AppState['explorer'];
  view: SbomView;
  indices: Int32Array;
  width: number;
  height: number;
  /** Why the filter shows nothing: a `license:` term that does not parse. */
  problem?: string | undefined;
}

/** Lines the screen uses above its list. */
export const EXPLORER_CHROME = 2;

export function ExplorerScreen({ state, view, indices, width, height, problem }: Props) {
  const kindWidth = 8;
  // The name column carries what tells rows apart; the SPDXID repeats much of it, so it gets the rest.
  const nameWidth = Math.max(16, Math.floor((width - kindWidth - 4) * 0.6));
  const idWidth = Math.max(0, width - kindWidth - nameWidth - 5);
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>Explorer</Text>
        <Text color={theme.dim}> kind </Text>
        <Text color={theme.accent}>{state.kind}</Text>
        <Text color={theme.dim}> sort </Text>
        <Text color={theme.accent}>{state.sort}</Text>
        <Text color={theme.dim}>
          {' '}
          {formatCount(indices.length)} of {formatCount(view.rows.length)} elements
        </Text>
      </Text>
      <Prompt label="/ " value={state.query} editing={state.editing} width={width} />
      <WindowedList
        count={indices.length}
        list={state.list}
        height={height - EXPLORER_CHROME}
        empty={problem ? clip(problem, width - 1) : state.query ? `nothing matches "${clip(state.query, 40)}"` : 'no elements of this kind'}
        renderRow={(i, isCursor) => {
          const index = indices[i]!;
          const row = view.rows[index]!;
          return (
            <Text inverse={isCursor} wrap="truncate">
              {isCursor ? symbols.cursor : ' '} <Text color={theme.accent}>{cell(row.kind, kindWidth)}</Text>
              {cell(view.label(index), nameWidth)} <Text color={isCursor ? undefined : theme.dim}>{cell(row.spdxId, idWidth)}</Text>
            </Text>
          );
        }}
      />
    </Box>
  );
}
