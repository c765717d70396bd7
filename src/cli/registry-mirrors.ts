// `--registry-mirror FROM=TO`, the one reading of it for every command that asks a registry. TO is a host, or a
// host and a path prefix the repositories live under (what `mirror --to REGISTRY/PREFIX` writes).
import { usageError } from '../common/errors.js';

// A repository path component as the OCI distribution spec spells it.
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const MIRROR = new RegExp(`^([^=\\s/]+)=([^=\\s/]+(?:/${PATH_COMPONENT})*)$`);

export function parseMirrors(values: string[] | undefined): Record<string, string> | undefined {
  if (!values?.length) return undefined;
  const mirrors: Record<string, string> = {};
  for (const value of values) {
    const m = MIRROR.exec(value);
    if (!m)
      throw usageError(
        'OPTION_INVALID',
        `--registry-mirror ${JSON.stringify(value)}: give FROM=HOST or FROM=HOST/PREFIX, e.g. registry.k8s.io=127.0.0.1:5000 or registry.k8s.io=mirror.example/k8s`,
      );
    mirrors[m[1]!] = m[2]!;
  }
  return mirrors;
}
