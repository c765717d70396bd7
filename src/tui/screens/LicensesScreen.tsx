// Licenses: every license the document names, by count across packages and files, declared vs concluded.
import { Box, Text } from 'ink';
import { WindowedList } from '../components/WindowedList.js';
import type { LicenseSummary } from '../../sbom/license-summary.js';
import type { ListState } from '../state/list.js';
import { cell, formatCount } from '../text.js';
import { symbols, theme } from '../theme.js';

/** Lines the screen uses above its list. */
export const LICENSES_CHROME = 2;

const NUMBER = 9;
const numberCell = (n: number) => formatCount(n).padStart(NUMBER);

export function LicensesScreen({ summary, list, width, height }: { summary: LicenseSummary; list: ListState; width: number; height: number }) {
  const idWidth = Math.max(12, width - 4 * (NUMBER + 1) - 4);
  const { unstated } = summary;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text bold>Licenses</Text>
        <Text color={theme.dim}>
          {' '}
          {formatCount(summary.licenses.length)} across {formatCount(summary.packages)} packages, {formatCount(summary.files)} files; none stated:{' '}
          {formatCount(unstated.packages)} packages, {formatCount(unstated.files)} files
        </Text>
      </Text>
      <Text color={theme.dim} wrap="truncate">
        {'  '}
        {cell('license', idWidth)} {'packages'.padStart(NUMBER)} {'files'.padStart(NUMBER)} {'declared'.padStart(NUMBER)} {'concluded'.padStart(NUMBER)}
      </Text>
      <WindowedList
        count={summary.licenses.length}
        list={list}
        height={height - LICENSES_CHROME}
        empty="no package or file names a license"
        renderRow={(i, isCursor) => {
          const l = summary.licenses[i]!;
          // NOASSERTION and NONE say that nothing is known: drawn apart from real licenses.
          const special = l.id === 'NOASSERTION' || l.id === 'NONE';
          return (
            <Text inverse={isCursor} wrap="truncate">
              {isCursor ? symbols.cursor : ' '} <Text color={special ? theme.warn : theme.accent}>{cell(l.id, idWidth)}</Text> {numberCell(l.packages)}{' '}
              {numberCell(l.files)} {numberCell(l.declared)} {numberCell(l.concluded)}
            </Text>
          );
        }}
      />
    </Box>
  );
}
