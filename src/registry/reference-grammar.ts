// The OCI distribution reference grammar (registry host, repository path, tag, digest), one place for every check:
// what the registry client is asked and every reference the tool prints or writes.

export const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
export const TAG = /^[\w][\w.-]{0,127}$/;
export const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
export const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::[0-9]{1,5})?$/;
const MAX_REPOSITORY = 255;

export interface ReferenceParts {
  /** Empty when the document names no registry. */
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

/** What keeps these parts from forming a valid reference, or undefined when they form one. */
export function referencePartsProblem(parts: ReferenceParts): string | undefined {
  if (parts.registry !== '' && !HOST.test(parts.registry)) return 'the registry is not a host name';
  if (parts.repository === '' || parts.repository.length > MAX_REPOSITORY) return 'the repository is empty or too long';
  if (!parts.repository.split('/').every((component) => PATH_COMPONENT.test(component))) return 'the repository has a character a reference cannot hold';
  if (parts.tag !== undefined && !TAG.test(parts.tag)) return 'the tag has a character a tag cannot hold';
  if (parts.digest !== undefined && !DIGEST.test(parts.digest)) return 'the digest is not sha256:<64 hex> or sha512:<128 hex>';
  return undefined;
}
