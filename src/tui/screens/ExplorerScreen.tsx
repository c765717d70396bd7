// Explorer: every element in a windowed list, with kind filter, `/` incremental filter and sort; release artifacts
// (binaries, archives, images, layers) can be selected and show their verification status.
import { Box, Text } from 'ink';
import type { ImageResult, SbomView } from '../ports.js';
import { Prompt } from '../components/Prompt.js';
import { WindowedList } from '../components/WindowedList.js';
import type { AppState } from '../state/app-state.js';
import { cell, clip, formatCount } from '../text.js';
import { symbols, theme } from '../theme.js';
import { statusOf } from './ImagesScreen.js';

/** A release artifact's row: whether it is selected and its verification status so far (undefined: never verified). */
export interface ArtifactMark {
  selected: boolean;
  status?: ImageResult['status'];
}

interface Props {
  state: AppState['explorer'];
  view: SbomView;
  indices: Int32Array;
  width: number;
  height: number;
  /** The mark of rows[index] when it is a release artifact. */
  markOf?: (index: number) => ArtifactMark | undefined;
  selectedCount?: number;
  /** A verification started here (files or images) is under way. */
  verifying?: boolean;
  /** Why the filter shows nothing: a `license:` term that does not parse. */
  problem?: string | undefined;
}

const STATUS_WIDTH = 14;

/** Lines the screen uses above its list. */
export const EXPLORER_CHROME = 2;

export function ExplorerScreen({ state, view, indices, width, height, problem, markOf, selectedCount = 0, verifying = false }: Props) {
  const kindWidth = 8;
  // The name column carries what tells rows apart; the SPDXID repeats much of it, so it gets the rest.
  const nameWidth = Math.max(16, Math.floor((width - kindWidth - 4) * 0.6));
  // The selection mark and the status take their room from the SPDXID, not from the name.
  const idWidth = Math.max(0, width - kindWidth - nameWidth - STATUS_WIDTH - 9);
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
        {selectedCount ? <Text color={theme.selected}> {selectedCount} selected</Text> : null}
        {verifying ? <Text color={theme.warn}> verifying…</Text> : null}
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
          const mark = markOf?.(index);
          const status = mark && mark.status ? statusOf({ reference: '', status: mark.status, checks: [] }) : undefined;
          return (
            <Text inverse={isCursor} wrap="truncate">
              {isCursor ? symbols.cursor : ' '} <Text color={theme.accent}>{cell(row.kind, kindWidth)}</Text>
              {cell(view.label(index), nameWidth)} <Text color={isCursor ? undefined : theme.dim}>{cell(row.spdxId, idWidth)}</Text>{' '}
              <Text color={theme.selected}>{mark ? (mark.selected ? symbols.selected : symbols.unselected) : ' '}</Text>{' '}
              <Text color={status?.color}>{cell(status ? `${status.mark} ${status.text}` : mark ? `${symbols.pending} not verified` : '', STATUS_WIDTH)}</Text>
            </Text>
          );
        }}
      />
    </Box>
  );
}
