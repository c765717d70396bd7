// Which images the Images screen shows (arch and text filter, per architecture or folded into multi-arch
// references), the architectures to cycle through, and the per-architecture references a row stands for.
import type { ImageResult, ImageRow } from '../ports.js';

export function imagesShown(images: readonly ImageRow[], arch: string, query: string, multiArch = false): ImageRow[] {
  const q = query.trim().toLowerCase();
  const byArch = images.filter((i) => arch === 'all' || i.architecture === arch);
  const rows = multiArch ? foldRows(byArch) : byArch;
  return rows.filter((i) => q === '' || [i.reference, ...(i.platforms ?? [])].some((r) => r.toLowerCase().includes(q)));
}

export function architectures(images: readonly ImageRow[]): string[] {
  return ['all', ...[...new Set(images.map((i) => i.architecture).filter(Boolean))].sort()];
}

/** registry/name-amd64:tag -> registry/name:tag, as `images --multi-arch` folds; undefined when the name carries no arch. */
function multiArchReference(row: ImageRow): string | undefined {
  const colon = row.reference.lastIndexOf(':');
  if (!row.architecture || colon <= row.reference.lastIndexOf('/') || row.reference.includes('@')) return undefined;
  const name = row.reference.slice(0, colon);
  const suffix = `-${row.architecture}`;
  return name.endsWith(suffix) ? `${name.slice(0, -suffix.length)}${row.reference.slice(colon)}` : undefined;
}

/** One row per multi-arch reference, its architectures listed and its per-architecture references kept. */
export function foldRows(rows: readonly ImageRow[]): ImageRow[] {
  const groups = new Map<string, ImageRow[]>();
  const kept: ImageRow[] = [];
  for (const row of rows) {
    const reference = multiArchReference(row);
    if (reference) groups.set(reference, [...(groups.get(reference) ?? []), row]);
    else kept.push(row);
  }
  const folded = [...groups].map(([reference, group]): ImageRow => {
    const sorted = [...group].sort((a, b) => (a.architecture < b.architecture ? -1 : a.architecture > b.architecture ? 1 : 0));
    return {
      reference,
      architecture: sorted.map((r) => r.architecture).join(' '),
      spdxId: sorted[0]!.spdxId,
      layers: sorted[0]!.layers,
      platforms: sorted.map((r) => r.reference),
    };
  });
  return [...kept, ...folded].sort((a, b) => (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0));
}

/** The per-architecture references rows stand for: what selection, verification and export act on. */
export function platformReferences(rows: readonly ImageRow[]): string[] {
  return rows.flatMap((r) => r.platforms ?? [r.reference]);
}

/** A multi-arch row's status from its platforms' results: verified only when every one verified. */
export function foldedResult(row: ImageRow, results: Record<string, ImageResult>): ImageResult | undefined {
  if (!row.platforms) return results[row.reference];
  const all = row.platforms.map((r) => results[r]);
  const known = all.filter((r): r is ImageResult => r !== undefined);
  if (known.length === 0) return undefined;
  const verifiedCount = known.filter((r) => r.status === 'verified').length;
  const summary = `${verifiedCount} of ${row.platforms.length} architecture(s) verified`;
  const first = (status: ImageResult['status']) => known.find((r) => r.status === status);
  const failed = first('failed') ?? first('unchecked');
  if (known.some((r) => r.status === 'running' || r.status === 'pending')) return { reference: row.reference, status: 'running', checks: [], message: summary };
  if (failed) return { ...failed, reference: row.reference, message: `${summary}; ${failed.reference}: ${failed.message ?? ''}` };
  // Some architectures verified and the others not tried: the multi-arch image as a whole is not verified.
  return verifiedCount === row.platforms.length ? { reference: row.reference, status: 'verified', checks: [], message: summary } : undefined;
}
