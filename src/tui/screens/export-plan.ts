// What the Export screen would write right now, or why it cannot: pure, so the screen and the action agree.
import type { ExportRequest, ImageResult, ImageRow } from '../ports.js';
import type { AppState } from '../state/app-state.js';
import { imagesShown } from './images-shown.js';

export type ExportPlan = { ok: true; request: ExportRequest; describe: string } | { ok: false; reason: string };

export function exportPlan(state: AppState, images: readonly ImageRow[]): ExportPlan {
  const { exporter, images: imagesState } = state;
  const shown = imagesShown(images, imagesState.arch, imagesState.query);
  const selected = imagesState.selected.filter((r) => images.some((i) => i.reference === r));
  const references = selected.length > 0 ? selected : shown.map((i) => i.reference);
  const which =
    selected.length > 0
      ? `the ${selected.length} selected image(s)`
      : `all ${shown.length} image(s) shown on the Images screen${imagesState.arch !== 'all' || imagesState.query ? ' (filtered)' : ''}`;
  if (exporter.content === 'report') {
    const results = references
      .map((r) => imagesState.results[r])
      .filter((r): r is ImageResult => r !== undefined && r.status !== 'pending' && r.status !== 'running');
    // Release files verified from the Explorer go in too, with the Audit matrix of everything verified.
    const files = Object.values(state.files.results).filter((r) => r.status !== 'pending' && r.status !== 'running');
    if (results.length === 0 && files.length === 0)
      return { ok: false, reason: `no verification results for ${which}: verify them on the Images screen (or files on the Explorer) first` };
    const format = exporter.format === 'txt' ? 'txt' : 'json';
    const andFiles = files.length > 0 ? ` and ${files.length} release file(s), with the Audit matrix` : ', with the Audit matrix';
    return {
      ok: true,
      request: { kind: 'report', format, results, files },
      describe: `verification report (${format}) of ${results.length} image(s)${andFiles}`,
    };
  }
  if (references.length === 0) return { ok: false, reason: 'no images to export' };
  const digests: Record<string, string> = {};
  // Per-architecture digests say nothing about an index: its digest must be proven against the SBOM first.
  if (exporter.pinned && exporter.multiArch)
    return {
      ok: false,
      reason: "a pinned multi-arch list needs each index digest proven to hold the SBOM's layers: run kube-sbom images --multi-arch --pin, or turn off p or m",
    };
  if (exporter.pinned) {
    // A pinned list names bytes: only digests this session verified are used, never one taken on trust.
    const missing = references.filter((r) => imagesState.results[r]?.status !== 'verified' || !imagesState.results[r]?.digest);
    if (missing.length > 0)
      return { ok: false, reason: `pinned needs a verified digest: ${missing.length} of ${which} ${unpinned(missing, imagesState.results)}` };
    for (const r of references) digests[r] = imagesState.results[r]!.digest!;
  }
  return {
    ok: true,
    request: { kind: 'images', format: exporter.format, pinned: exporter.pinned, references, digests, ...(exporter.multiArch ? { multiArch: true } : {}) },
    describe: `${exporter.pinned ? 'digest-pinned ' : ''}${exporter.multiArch ? 'multi-arch ' : ''}image list (${exporter.format}) of ${which}`,
  };
}

const WHY: Record<'failed' | 'unchecked' | 'digestless' | 'pending', { says: string; next: string }> = {
  failed: { says: 'failed verification', next: 'enter shows why' },
  unchecked: { says: 'could not be checked', next: 'enter shows why, v tries again' },
  digestless: { says: 'verified without a digest', next: 'v verifies again' },
  pending: { says: 'not verified yet', next: 'v or V' },
};

/** Why these images have no verified digest, in the words their rows use, and what to do on the Images screen. */
function unpinned(references: string[], results: Record<string, ImageResult>): string {
  const kindOf = (r: string) => {
    const status = results[r]?.status;
    return status === 'failed' || status === 'unchecked' ? status : status === 'verified' ? 'digestless' : 'pending';
  };
  const counts = new Map<keyof typeof WHY, number>();
  for (const r of references) counts.set(kindOf(r), (counts.get(kindOf(r)) ?? 0) + 1);
  const kinds = [...counts.keys()];
  if (kinds.length === 1) return `${WHY[kinds[0]!].says} (Images screen: ${WHY[kinds[0]!].next})`;
  const parts = kinds.map((k) => `${counts.get(k)} ${WHY[k].says}`).join(', ');
  return `have none: ${parts} (Images screen: enter shows why, v or V verifies)`;
}
