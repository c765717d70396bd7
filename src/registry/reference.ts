// Image references as users type them: [registry/]repository[:tag][@digest], with Docker Hub's defaults.
import { usageError } from '../common/errors.js';

export interface ImageReference {
  /** Registry host as written, with port: registry.k8s.io, 127.0.0.1:5000, docker.io. */
  registry: string;
  /** Repository path inside the registry: kube-apiserver, library/alpine, cluster-api/cluster-api-controller. */
  repository: string;
  tag?: string;
  digest?: string;
}

export const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_API_HOST = 'registry-1.docker.io';

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::[0-9]{1,5})?$/;

export function isDigest(value: string): boolean {
  return DIGEST.test(value);
}

/** Parses a reference; a bare name gets docker.io/library/ and no tag (callers decide on :latest). */
export function parseReference(input: string): ImageReference {
  const text = input.trim();
  const bad = (why: string) =>
    usageError('INVALID_REFERENCE', `"${input}" is not an image reference (${why}); expected registry/repository[:tag][@sha256:<hex>]`);
  if (text === '' || text.length > 1024) throw bad('empty or too long');
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!isDigest(digest)) throw bad('the digest must be sha256:<64 hex> or sha512:<128 hex>');
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw bad(`invalid tag "${tag}"`);
  }
  const parts = rest.split('/');
  let registry = DOCKER_HUB;
  const first = parts[0] ?? '';
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('['))) {
    registry = first;
    parts.shift();
    if (!HOST.test(registry)) throw bad(`invalid registry host "${registry}"`);
  }
  if (registry === 'index.docker.io' || registry === DOCKER_HUB_API_HOST) registry = DOCKER_HUB;
  if (registry === DOCKER_HUB && parts.length === 1) parts.unshift('library');
  for (const part of parts) if (!PATH_COMPONENT.test(part)) throw bad(`invalid repository component "${part}"`);
  const repository = parts.join('/');
  if (repository.length > 255) throw bad('repository name too long');
  return { registry, repository, ...(tag === undefined ? {} : { tag }), ...(digest === undefined ? {} : { digest }) };
}

/** The host the API lives on: Docker Hub's API is not at docker.io. */
export function apiHost(registry: string): string {
  return registry === DOCKER_HUB ? DOCKER_HUB_API_HOST : registry;
}

/** registry/repository, without tag or digest. */
export function repositoryName(ref: Pick<ImageReference, 'registry' | 'repository'>): string {
  return `${ref.registry}/${ref.repository}`;
}

export function formatReference(ref: ImageReference): string {
  return `${repositoryName(ref)}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** The digest-pinned form users can deploy: registry/repository@sha256:... (the tag is dropped, as crane does). */
export function pinnedReference(ref: Pick<ImageReference, 'registry' | 'repository'>, digest: string): string {
  return `${repositoryName(ref)}@${digest}`;
}

/** True for hosts on this machine, where plain HTTP is acceptable without --allow-http-registry. */
export function isLoopbackHost(registry: string): boolean {
  const host = registry
    .replace(/:\d+$/, '')
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
