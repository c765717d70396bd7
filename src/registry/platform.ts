// Picking one image out of a multi-arch index, the way `docker pull --platform` does.
import { checkError } from '../common/errors.js';
import type { Descriptor, ImageIndex, Platform } from './manifest.js';

/** Accepts "linux/arm64/v8", "arm64" (os defaults to linux). */
export function parsePlatform(text: string): Platform {
  const parts = text.split('/');
  if (parts.length === 1) return { os: 'linux', architecture: parts[0]! };
  const [os, architecture, variant] = parts;
  return { os: os!, architecture: architecture!, ...(variant ? { variant } : {}) };
}

export function formatPlatform(p: Platform): string {
  return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}

// arm64's variant is v8 whether or not an index says so.
const normaliseVariant = (p: Platform) => (p.architecture === 'arm64' && !p.variant ? 'v8' : p.variant);

export function platformMatches(candidate: Platform, wanted: Platform): boolean {
  if (candidate.os !== wanted.os || candidate.architecture !== wanted.architecture) return false;
  const want = normaliseVariant(wanted);
  return !wanted.variant || normaliseVariant(candidate) === want;
}

/** The index entry for a platform; NO_MATCHING_PLATFORM lists what the index offers. */
export function selectPlatform(index: ImageIndex, wanted: Platform, where: string): Descriptor {
  const found = index.manifests.find((d) => d.platform && platformMatches(d.platform, wanted));
  if (found) return found;
  const offered = index.manifests.flatMap((d) => (d.platform ? [formatPlatform(d.platform)] : [])).join(', ') || 'none';
  throw checkError('NO_MATCHING_PLATFORM', `${where}: no image for ${formatPlatform(wanted)} in the index (it offers: ${offered})`);
}
