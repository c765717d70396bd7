// A trusted root narrowed to one Fulcio and/or one Rekor instance named by URL (a policy's keyless.url, ctlog.url),
// so that signatures from the other instances of the same root no longer verify.
import { toTrustMaterial } from './library.js';
import type { LoadedTrustedRoot } from './trusted-root.js';

const sameUrl = (a: string, b: string) => a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();

/** The narrowed root, or a sentence saying which URL the root does not list (nothing can be verified then). */
export function scopeTrustedRoot(loaded: LoadedTrustedRoot, scope: { fulcioUrl?: string; rekorUrl?: string }): LoadedTrustedRoot | string {
  const { fulcioUrl, rekorUrl } = scope;
  if (fulcioUrl === undefined && rekorUrl === undefined) return loaded;
  const root = { ...loaded.root };
  if (fulcioUrl !== undefined) {
    root.certificateAuthorities = root.certificateAuthorities.filter((ca) => sameUrl(ca.uri, fulcioUrl));
    if (root.certificateAuthorities.length === 0) {
      return `the trusted root (${loaded.source}) has no certificate authority at ${fulcioUrl}; it lists ${listed(loaded.root.certificateAuthorities.map((c) => c.uri))}`;
    }
  }
  if (rekorUrl !== undefined) {
    root.tlogs = root.tlogs.filter((log) => sameUrl(log.baseUrl, rekorUrl));
    if (root.tlogs.length === 0)
      return `the trusted root (${loaded.source}) has no transparency log at ${rekorUrl}; it lists ${listed(loaded.root.tlogs.map((t) => t.baseUrl))}`;
  }
  return { root, material: toTrustMaterial(root), source: `${loaded.source}, only ${[fulcioUrl, rekorUrl].filter(Boolean).join(' and ')}` };
}

const listed = (urls: string[]) => (urls.length === 0 ? 'none' : urls.join(', '));
