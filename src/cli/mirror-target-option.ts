// `--to`: oci-layout:DIR, or REGISTRY[/PREFIX] checked against the reference grammar before anything is copied.
import { resolve } from 'node:path';
import { usageError } from '../common/errors.js';
import { HOST, PATH_COMPONENT } from '../registry/reference-grammar.js';

export type TargetSpec = { kind: 'layout'; dir: string } | { kind: 'registry'; host: string; prefix: string };

export function parseTarget(value: string): TargetSpec {
  if (value.startsWith('oci-layout:')) {
    const dir = value.slice('oci-layout:'.length);
    if (!dir) throw usageError('OPTION_INVALID', '--to oci-layout:DIR needs a folder, e.g. --to oci-layout:./k8s-images');
    return { kind: 'layout', dir: resolve(dir) };
  }
  const bad = (why: string) =>
    usageError('OPTION_INVALID', `--to ${JSON.stringify(value)}: ${why}; give REGISTRY[/PREFIX] (e.g. registry.internal:5000/k8s) or oci-layout:DIR`);
  if (/^[a-z]+:\/\//i.test(value)) throw bad('no scheme');
  const [host = '', ...path] = value.replace(/\/+$/, '').split('/');
  if (!HOST.test(host) || (!host.includes('.') && !host.includes(':') && host !== 'localhost')) throw bad(`"${host}" is not a registry host`);
  for (const part of path) if (!PATH_COMPONENT.test(part)) throw bad(`"${part}" cannot be part of a repository name`);
  return { kind: 'registry', host, prefix: path.join('/') };
}
