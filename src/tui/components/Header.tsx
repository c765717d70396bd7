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
  // Below 80 columns only the current tab keeps its title and the name goes, so the trust note still fits.
  const compact = width < 80;
  const brand = compact ? '' : 'kube-sbom ';
  const tabs = TABS.map((t) => ({ ...t, text: compact && t.screen !== active ? ` ${t.key} ` : ` ${t.key} ${t.title} ` }));
  const used = brand.length + tabs.reduce((n, t) => n + t.text.length, 0) + 1;
  return (
    <Box height={1} overflowY="hidden">
      <Text bold color={theme.accent}>
        {brand}
      </Text>
      {tabs.map((t) => (
        <Text key={t.key} inverse={t.screen === active}>
          {t.text}
        </Text>
      ))}
      <Text> </Text>
      <Trust provenance={provenance} verified={verified} width={width - used - 1} />
    </Box>
  );
}
