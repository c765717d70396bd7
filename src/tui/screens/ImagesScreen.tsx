// Images: the inventory with arch and text filters, multi-select, live verification status per image, and the
// details of a failed check. An image is green only after its signature verified in this session.
import { Box, Text } from 'ink';
import type { ImageResult, ImageRow } from '../ports.js';
import { Prompt } from '../components/Prompt.js';
import { WindowedList } from '../components/WindowedList.js';
import type { ImagesState } from '../state/app-state.js';
import { foldedResult, platformReferences } from './images-shown.js';
import { cell, clip } from '../text.js';
import { symbols, theme } from '../theme.js';

interface Props {
  state: ImagesState;
  shown: ImageRow[];
  total: number;
  width: number;
  height: number;
}

export const IMAGES_CHROME = 2;
export const IMAGES_PANEL = 4;
/** Rows a run's warnings take above the list (the latest one, with a count of the others). */
export const warningRows = (state: ImagesState) => (state.warnings.length > 0 ? 1 : 0);

const STATUS: Record<ImageResult['status'] | 'none', { text: string; color: string; mark: string }> = {
  none: { text: 'not verified', color: theme.dim, mark: symbols.pending },
  pending: { text: 'waiting', color: theme.dim, mark: symbols.pending },
  running: { text: 'verifying', color: theme.warn, mark: symbols.running },
  verified: { text: 'verified', color: theme.ok, mark: symbols.pass },
  failed: { text: 'FAILED', color: theme.bad, mark: symbols.fail },
  unchecked: { text: 'not checked', color: theme.warn, mark: symbols.unknown },
};

export function statusOf(result: ImageResult | undefined) {
  return STATUS[result?.status ?? 'none'];
}

function Panel({ result, width }: { result?: ImageResult; width: number }) {
  if (!result || result.status === 'pending' || result.status === 'running') {
    return <Text color={theme.dim}>{result ? 'verification in progress' : 'not verified yet: v verifies the selection (or this image), V all shown'}</Text>;
  }
  const lines: Array<{ text: string; color?: string }> = [];
  if (result.status === 'verified') {
    lines.push({ text: `${symbols.pass} ${result.message ?? 'verified'}`, color: theme.ok });
    if (result.digest) lines.push({ text: `digest ${result.digest}` });
  } else {
    lines.push({ text: `${symbols.fail} ${result.code ?? 'FAILED'}: ${result.message ?? ''}`, color: result.status === 'failed' ? theme.bad : theme.warn });
    for (const c of result.checks.filter((x) => x.status === 'fail')) lines.push({ text: `  ${c.check}: ${c.code} ${c.message}` });
  }
  return (
    <Box flexDirection="column">
      {lines.slice(0, IMAGES_PANEL - 1).map((l, i) => (
        <Text key={i} color={l.color}>
          {clip(l.text, width - 1)}
        </Text>
      ))}
    </Box>
  );
}

export function ImagesScreen({ state, shown, total, width, height }: Props) {
  const results = Object.values(state.results);
  const verified = results.filter((r) => r.status === 'verified').length;
  const failed = results.filter((r) => r.status === 'failed').length;
  // Could not be checked is not failed: counted as the rows say it.
  const unchecked = results.filter((r) => r.status === 'unchecked').length;
  // A multi-arch row lists every architecture it folds.
  const archWidth = state.multiArch ? 26 : 8;
  const statusWidth = 15;
  const digestWidth = width >= 110 ? 20 : 0;
  const refWidth = Math.max(20, width - archWidth - statusWidth - digestWidth - 8);
  const current = shown[state.list.cursor];
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>Images</Text>
        <Text color={theme.dim}> arch </Text>
        <Text color={theme.accent}>{state.arch}</Text>
        {state.multiArch ? <Text color={theme.accent}> multi-arch</Text> : null}
        <Text color={theme.dim}>
          {' '}
          {state.multiArch ? `${shown.length} reference(s) folding ${platformReferences(shown).length}` : shown.length} of {total} images{' '}
          {state.selected.length} selected
        </Text>
        {verified ? <Text color={theme.ok}> {verified} verified</Text> : null}
        {failed ? <Text color={theme.bad}> {failed} failed</Text> : null}
        {unchecked ? <Text color={theme.warn}> {unchecked} not checked</Text> : null}
        {state.running ? <Text color={theme.warn}> verifying…</Text> : null}
      </Text>
      <Prompt label="/ " value={state.query} editing={state.editing} width={width} />
      {state.warnings.length > 0 ? (
        <Text color={theme.warn}>
          {clip(
            `${symbols.unknown} warning: ${state.warnings[state.warnings.length - 1]}${state.warnings.length > 1 ? ` (+${state.warnings.length - 1} more)` : ''}`,
            width - 1,
          )}
        </Text>
      ) : null}
      <WindowedList
        count={shown.length}
        list={state.list}
        height={height - IMAGES_CHROME - IMAGES_PANEL - warningRows(state)}
        empty="no images match"
        renderRow={(i, isCursor) => {
          const image = shown[i]!;
          const result = foldedResult(image, state.results);
          const status = statusOf(result);
          const selected = (image.platforms ?? [image.reference]).every((r) => state.selected.includes(r));
          return (
            <Text inverse={isCursor}>
              {isCursor ? symbols.cursor : ' '}
              <Text color={theme.selected}>{selected ? symbols.selected : symbols.unselected}</Text> {cell(image.reference, refWidth)}{' '}
              <Text color={theme.dim}>{cell(image.architecture, archWidth)}</Text>{' '}
              <Text color={status.color}>{cell(`${status.mark} ${status.text}`, statusWidth)}</Text>
              {digestWidth && result?.status === 'verified' && result.digest ? <Text> {cell(result.digest, digestWidth)}</Text> : null}
            </Text>
          );
        }}
      />
      <Box flexDirection="column" height={IMAGES_PANEL} borderStyle={undefined}>
        <Text color={theme.dim}>{current ? clip(`── ${current.reference}`, width - 1) : ''}</Text>
        {current ? <Panel result={foldedResult(current, state.results)} width={width} /> : null}
      </Box>
    </Box>
  );
}
