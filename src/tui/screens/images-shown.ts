// Which images the Images screen shows (arch and text filter), and the architectures to cycle through.
import type { ImageRow } from '../ports.js';

export function imagesShown(images: readonly ImageRow[], arch: string, query: string): ImageRow[] {
  const q = query.trim().toLowerCase();
  return images.filter((i) => (arch === 'all' || i.architecture === arch) && (q === '' || i.reference.toLowerCase().includes(q)));
}

export function architectures(images: readonly ImageRow[]): string[] {
  return ['all', ...[...new Set(images.map((i) => i.architecture).filter(Boolean))].sort()];
}
