// Export: an image list (txt, json, csv, yaml; pinned or not) or a verification report, written atomically.
import { Box, Text } from 'ink';
import type { ExportState } from '../state/app-state.js';
import { EXPORT_FORMATS } from '../ports.js';
import { clip, safe } from '../text.js';
import { symbols, theme } from '../theme.js';
import type { ExportPlan } from './export-plan.js';

function Choice({ options, value }: { options: readonly string[]; value: string }) {
  return (
    <Text>
      {options.map((o) => (
        <Text key={o} color={o === value ? theme.accent : theme.dim} bold={o === value}>
          {o === value ? `[${o}]` : ` ${o} `}{' '}
        </Text>
      ))}
    </Text>
  );
}

export function ExportScreen({ state, plan, width }: { state: ExportState; plan: ExportPlan; width: number }) {
  const formats = state.content === 'report' ? ['txt', 'json'] : EXPORT_FORMATS;
  return (
    <Box flexDirection="column">
      <Text bold>Export</Text>
      <Text> </Text>
      <Text>
        <Text color={theme.dim}> c what </Text>
        <Choice options={['images', 'report']} value={state.content} />
      </Text>
      <Text>
        <Text color={theme.dim}> f format </Text>
        <Choice options={formats} value={state.content === 'report' && !formats.includes(state.format) ? 'json' : state.format} />
      </Text>
      {state.content === 'images' ? (
        <Text>
          <Text color={theme.dim}> p pinned </Text>
          <Choice options={['no', 'yes']} value={state.pinned ? 'yes' : 'no'} />
        </Text>
      ) : null}
      {state.content === 'images' ? (
        <Text>
          <Text color={theme.dim}> m multi-arch </Text>
          <Choice options={['no', 'yes']} value={state.multiArch ? 'yes' : 'no'} />
        </Text>
      ) : null}
      <Text> </Text>
      {plan.ok ? (
        <Text>enter writes the {clip(plan.describe, width - 20)}</Text>
      ) : (
        <Text color={theme.warn} wrap="wrap">
          {safe(plan.reason)}
        </Text>
      )}
      <Text> </Text>
      {state.busy ? <Text color={theme.warn}>writing…</Text> : null}
      {state.result?.ok ? (
        <Box flexDirection="column">
          <Text color={theme.ok}>
            {symbols.pass} wrote {state.result.count} entr{state.result.count === 1 ? 'y' : 'ies'} to
          </Text>
          <Text> {clip(state.result.path, width - 3)}</Text>
        </Box>
      ) : null}
      {state.result && !state.result.ok ? (
        <Text color={theme.bad} wrap="wrap">
          {symbols.fail} {safe(state.result.message)}
        </Text>
      ) : null}
    </Box>
  );
}
