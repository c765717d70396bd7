// Release: pick a version (or type one, or a file path), watch the downloads, and a checklist that fills in live.
import { Box, Text } from 'ink';
import type { CheckId, CheckRow, DocumentSummary } from '../ports.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { OpenStatus } from '../components/OpenStatus.js';
import { Prompt } from '../components/Prompt.js';
import { WindowedList } from '../components/WindowedList.js';
import type { Provenance, ReleaseState } from '../state/app-state.js';
import { cell, clip, safe } from '../text.js';
import { symbols, theme } from '../theme.js';

const CHECKS: Array<{ id: CheckId; title: string }> = [
  { id: 'sha256', title: 'SHA-256' },
  { id: 'sha512', title: 'SHA-512' },
  { id: 'signature', title: 'signature' },
  { id: 'parse', title: 'parse' },
];

interface Props {
  state: ReleaseState;
  versions: string[];
  provenance?: Provenance;
  summary?: DocumentSummary;
  loadError?: string;
  /** A file being opened from here. */
  opening?: string;
  width: number;
  height: number;
}

function CheckLine({ title, check, running, width }: { title: string; check?: CheckRow; running: boolean; width: number }) {
  const mark = check ? (check.status === 'pass' ? symbols.pass : symbols.fail) : running ? symbols.running : symbols.pending;
  const color = check ? (check.status === 'pass' ? theme.ok : theme.bad) : theme.dim;
  const text = check ? (check.status === 'pass' ? check.message : `${check.code}: ${check.message}`) : running ? 'waiting' : 'not checked';
  return (
    <Box flexDirection="column">
      <Text>
        <Text color={color}>
          {mark} {cell(title, 10)}
        </Text>{' '}
        {clip(text, width - 14)}
      </Text>
      {(check?.details ?? []).slice(0, 4).map((d, i) => (
        <Text key={i} color={theme.dim}>
          {'             '}
          {clip(d, width - 14)}
        </Text>
      ))}
    </Box>
  );
}

function Summary({ summary, width }: { summary: DocumentSummary; width: number }) {
  return (
    <Box flexDirection="column">
      <Text>{clip(`${summary.spdxVersion} ${summary.format} "${summary.name}"`, width - 1)}</Text>
      <Text color={theme.dim}>
        {summary.packages} packages, {summary.files} files, {summary.relationships} relationships; {summary.errors} parse errors, {summary.warnings} warnings
      </Text>
      {summary.diagnostics.slice(0, 3).map((d, i) => (
        <Text key={i} color={theme.warn}>
          {clip(d, width - 1)}
        </Text>
      ))}
    </Box>
  );
}

/** The document loaded before this attempt, when the attempt did not replace it: still there to explore. */
function StillOpen({ provenance, attemptLoaded, width }: { provenance?: Provenance; attemptLoaded: boolean; width: number }) {
  if (!provenance || (provenance.kind === 'release' && attemptLoaded)) return null;
  const what = provenance.kind === 'file' ? `${provenance.path} is still open (not verified)` : `${provenance.version} (verified) is still open`;
  return <Text color={theme.dim}>{clip(`${what}: 2 explores it`, width - 1)}</Text>;
}

export function ReleaseScreen({ state, versions, provenance, summary, loadError, opening, width, height }: Props) {
  // The opened file is shown only until a release is attempted: a later attempt's progress and failure come first.
  if (provenance?.kind === 'file' && state.phase === 'pick') {
    return (
      <Box flexDirection="column">
        <Text bold>
          Opened file <Text color={theme.accent}>{clip(provenance.path, width - 14)}</Text>
        </Text>
        <Text color={theme.warn}>{symbols.unknown} not verified: no checksum or signature was checked for a local file</Text>
        <Text> </Text>
        {summary ? <Summary summary={summary} width={width} /> : null}
        <Text> </Text>
        <Text color={theme.dim}>o: type a release version to download and verify, or another file</Text>
        <OpenStatus opening={opening} loadError={loadError} width={width} />
      </Box>
    );
  }
  if (state.phase === 'pick' || state.phase === 'input') {
    return (
      <Box flexDirection="column">
        <Text bold>
          Release <Text color={theme.dim}>choose a version to download and verify</Text>
        </Text>
        <WindowedList
          count={versions.length}
          list={state.list}
          height={Math.max(1, Math.min(versions.length, height - 5))}
          renderRow={(i, isCursor) => (
            <Text inverse={isCursor}>
              {isCursor ? symbols.cursor : ' '} {clip(versions[i]!, width - 4)}
            </Text>
          )}
        />
        <Text> </Text>
        <Prompt label="version or file: " value={state.input} editing={state.phase === 'input'} width={width} />
        <OpenStatus opening={opening} loadError={loadError} width={width} />
      </Box>
    );
  }
  const byId = new Map(state.checks.map((c) => [c.id, c]));
  const running = state.phase === 'running';
  return (
    <Box flexDirection="column">
      <Text bold>
        Release <Text color={theme.accent}>{clip(state.version ?? '', 30)}</Text>
        {running ? <Text color={theme.warn}> {clip(state.stage ?? 'starting', width - 20)}</Text> : null}
      </Text>
      <Text color={theme.dim}>Downloads</Text>
      {state.downloads.slice(-6).map((d) => (
        <ProgressBar key={d.label} row={d} width={width} />
      ))}
      <Text color={theme.dim}>Checks</Text>
      {CHECKS.map((c) => (
        <CheckLine key={c.id} title={c.title} check={byId.get(c.id)} running={running} width={width} />
      ))}
      {state.warnings.map((w, i) => (
        <Text key={i} color={theme.warn} wrap="wrap">
          {symbols.unknown} warning: {safe(w)}
        </Text>
      ))}
      <Text> </Text>
      {state.phase === 'done' ? (
        state.verified ? (
          <Text color={theme.ok} bold>
            {symbols.pass} VERIFIED: every check passed; 2 explores the document, 3 its images
          </Text>
        ) : (
          <Text color={theme.bad} bold wrap="wrap">
            {symbols.fail} NOT VERIFIED{state.error ? `: ${safe(state.error)}` : ': a check failed; the document is not loaded'}
          </Text>
        )
      ) : null}
      <StillOpen provenance={provenance} attemptLoaded={state.phase === 'done' && state.verified === true} width={width} />
    </Box>
  );
}
