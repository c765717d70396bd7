// `--registry-mirror FROM=TO`, the one reading of it for every command that asks a registry.
import { usageError } from '../common/errors.js';

export function parseMirrors(values: string[] | undefined): Record<string, string> | undefined {
  if (!values?.length) return undefined;
  const mirrors: Record<string, string> = {};
  for (const value of values) {
    const m = /^([^=\s/]+)=([^=\s/]+)$/.exec(value);
    if (!m) throw usageError('OPTION_INVALID', `--registry-mirror ${JSON.stringify(value)}: give FROM=TO hosts, e.g. registry.k8s.io=127.0.0.1:5000`);
    mirrors[m[1]!] = m[2]!;
  }
  return mirrors;
}
