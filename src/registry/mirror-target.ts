// Where a --registry-mirror sends an image: "HOST" keeps the repository path, "HOST/PREFIX" puts it under PREFIX
// (registry.k8s.io/pause with registry.k8s.io=mirror.example/k8s is mirror.example/k8s/pause), as `mirror --to` copies.
import { apiHost } from './reference.js';
import type { RepoRef } from './source.js';

export interface MirrorTarget {
  /** host[:port] that is asked. */
  host: string;
  /** The repository path on that host. */
  repository: string;
}

/** The host and path a mirror value "HOST" or "HOST/PREFIX" names, or the image's own registry without a mirror. */
export function mirrorTarget(repo: RepoRef, mirrors: Record<string, string> | undefined): MirrorTarget {
  const mirror = mirrors?.[repo.registry];
  if (mirror === undefined) return { host: apiHost(repo.registry), repository: repo.repository };
  const slash = mirror.indexOf('/');
  if (slash < 0) return { host: mirror, repository: repo.repository };
  return { host: mirror.slice(0, slash), repository: `${mirror.slice(slash + 1)}/${repo.repository}` };
}

/** The host alone of a mirror value. */
export function mirrorHost(mirror: string): string {
  const slash = mirror.indexOf('/');
  return slash < 0 ? mirror : mirror.slice(0, slash);
}
