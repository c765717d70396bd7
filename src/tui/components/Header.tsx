// Screen tabs and, always visible, how far the loaded document can be trusted.
import { Box, Text } from 'ink';
import type { Provenance, Screen } from '../state/app-state.js';
import { clip } from '../text.js';
import { symbols, theme } from '../theme.js';

const TABS: Array<{ key: string; screen: Screen; title: string }> = [
  { key: '1', screen: 'release', title: 'Release' },
  { key: '2', screen: 'explorer', title: 'Explorer' },
  { key: '3', screen: 'images', title: 'Images' },
  { key: '4', screen: 'export', title: 'Export' },
];

function Trust({ provenance, verified, width }: { provenance?: Provenance; verified: boolean; width: number }) {
  if (!provenance) return <Text color={theme.dim}>nothing loaded</Text>;
  if (provenance.kind === 'file')
    return (
      <Text color={theme.warn}>
        {symbols.unknown} {clip(provenance.path.split('/').pop() ?? '', Math.max(6, width - 15))} (unverified)
      </Text>
    );
  return verified ? (
    <Text color={theme.ok}>
      {symbols.pass} {clip(provenance.version, Math.max(6, width - 12))} verified
    </Text>
  ) : (
    <Text color={theme.bad}>
      {symbols.fail} {clip(provenance.version, Math.max(6, width - 16))} NOT verified
    </Text>
  );
}

export function Header({ screen, provenance, verified, width }: { screen: Screen; provenance?: Provenance; verified: boolean; width: number }) {
  const active = screen === 'detail' ? 'explorer' : screen === 'verification' ? 'images' : screen;
  return (
    <Box height={1} overflowY="hidden">
      <Text bold color={theme.accent}>
        kube-sbom{' '}
      </Text>
      {TABS.map((t) => (
        <Text key={t.key} inverse={t.screen === active}>
          {` ${t.key} ${t.title} `}
        </Text>
      ))}
      <Text> </Text>
      <Trust provenance={provenance} verified={verified} width={width - 54} />
    </Box>
  );
}
