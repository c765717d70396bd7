// A one-line text prompt (the `/` filter, the version/file field); the key handling lives in hooks/text-input.ts.
import { Text } from 'ink';
import { clip } from '../text.js';
import { theme } from '../theme.js';

export function Prompt({ label, value, editing, width }: { label: string; value: string; editing: boolean; width: number }) {
  return (
    <Text>
      <Text color={theme.accent}>{label}</Text>
      <Text>{clip(value, Math.max(1, width - label.length - 2))}</Text>
      {editing ? <Text inverse> </Text> : null}
    </Text>
  );
}
