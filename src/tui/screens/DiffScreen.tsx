// Two documents side by side: images added, removed and changed (as `images --diff` prints them), then binaries.
import { Box, Text } from 'ink';
import { Prompt } from '../components/Prompt.js';
import { WindowedList } from '../components/WindowedList.js';
import type { DiffState } from '../state/app-state.js';
import { clip } from '../text.js';
import { symbols, theme } from '../theme.js';

/** Lines the screen uses above its list. */
export const DIFF_CHROME = 2;

const COLOURS: Record<string, string> = { '+': theme.ok, '-': theme.bad, '~': theme.warn };

function status(state: DiffState): string {
  if (state.busy) return `loading ${state.busy} to compare with…`;
  if (state.error) return state.error;
  if (!state.other) return 'press o and type a second file or a release version (v1.29.0) to compare with';
  return '';
}

export function DiffScreen({ state, lines, width, height }: { state: DiffState; lines: readonly string[]; width: number; height: number }) {
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text bold>Diff</Text>
        <Text color={theme.dim}> {state.other ? `with ${clip(state.other.label, Math.max(10, width - 20))}` : 'nothing to compare with yet'}</Text>
      </Text>
      {state.input !== undefined ? (
        <Prompt label="compare with: " value={state.input} editing width={width} />
      ) : (
        <Text color={state.error ? theme.bad : theme.dim} wrap="truncate">
          {clip(status(state), width - 1)}
        </Text>
      )}
      <WindowedList
        count={lines.length}
        list={state.list}
        height={height - DIFF_CHROME}
        renderRow={(i, isCursor) => {
          const line = lines[i]!;
          const heading = line.endsWith(':') || line.startsWith('---') || line.startsWith('+++');
          return (
            <Text inverse={isCursor} wrap="truncate" bold={heading} color={heading ? theme.accent : COLOURS[line[0] ?? '']}>
              {isCursor ? symbols.cursor : ' '} {clip(line, width - 3)}
            </Text>
          );
        }}
      />
    </Box>
  );
}
