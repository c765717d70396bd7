// policy-controller's image globs: `*` is any run of characters but `/`, `**` any run at all, the whole name must
// match; the image is matched in go-containerregistry's full form (index.docker.io/library/x:latest).
import { parseReference } from '../registry/reference.js';

const VALID_GLOB = /^[a-zA-Z0-9\-_:/*.]+$/;

/** The glob as an anchored regular expression, or undefined for a glob policy-controller rejects. */
export function compileGlob(glob: string): RegExp | undefined {
  // Bare `*` and `*/*` mean Docker Hub names, as policy-controller upgrades them.
  const upgraded = glob === '*' ? 'index.docker.io/library/*' : glob === '*/*' ? 'index.docker.io/*/*' : glob;
  if (!VALID_GLOB.test(upgraded)) return undefined;
  const source = upgraded
    .split('**')
    .map((part) => part.replace(/\./g, '\\.').replace(/\*/g, '[^/]*'))
    .join('.*');
  return new RegExp(`^${source}$`);
}

/** The name policy-controller matches: registry (index.docker.io for Docker Hub), repository, and the tag (default latest) or digest. */
export function fullImageName(image: string): string {
  const ref = parseReference(image);
  const registry = ref.registry === 'docker.io' ? 'index.docker.io' : ref.registry;
  const suffix = ref.digest ? `@${ref.digest}` : `:${ref.tag ?? 'latest'}`;
  return `${registry}/${ref.repository}${suffix}`;
}

/** True when the glob matches the image; also tried against the name as written, policy-controller's deprecated fallback. */
export function globMatches(glob: RegExp, image: string): boolean {
  const full = fullImageName(image);
  return glob.test(full) || (full !== image.trim() && glob.test(image.trim()));
}
