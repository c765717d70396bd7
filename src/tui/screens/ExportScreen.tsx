// Export: an image list (txt, json, csv, yaml; pinned or not) or a verification report, written atomically.
import { Box, Text } from 'ink';
import type { ExportState } from '../state/app-state.js';
import { EXPORT_FORMATS } from '../ports.js';
import { clip, safe } from '../text.js';
import { symbols, theme } from '../theme.js';
import type { ExportPlan } from './export-plan.js';
import { Prompt } from '../components/Prompt.js';
import { defaultExportName, exportPath } from '../state/export-target.js';

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

export function ExportScreen({ state, plan, exportDir, width }: { state: ExportState; plan: ExportPlan; exportDir: string; width: number }) {
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
      <Text>
        <Text color={theme.dim}> d folder </Text>
        {state.editing?.field === 'dir' ? (
          <Prompt label="" value={state.editing.value} editing width={width - 11} />
        ) : (
          <Text>{clip(state.dir ?? exportDir, width - 11)}</Text>
        )}
      </Text>
      <Text>
        <Text color={theme.dim}> n name </Text>
        {state.editing?.field === 'name' ? (
          <Prompt label="" value={state.editing.value} editing width={width - 11} />
        ) : (
          <Text>{clip(state.name ?? (plan.ok ? defaultExportName(plan.request) : ''), width - 11)}</Text>
        )}
      </Text>
      {state.content === 'images' ? (
        <Text>
          <Text color={theme.dim}> m multi-arch </Text>
          <Choice options={['no', 'yes']} value={state.multiArch ? 'yes' : 'no'} />
        </Text>
      ) : null}
      <Text> </Text>
      {plan.ok ? (
        <Box flexDirection="column">
          <Text>enter writes the {clip(plan.describe, width - 20)} to</Text>
          <Text color={theme.accent}> {clip(exportPath(exportDir, state, plan.request), width - 3)}</Text>
        </Box>
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
