// The Detail screen's content as lines: fields, checksums, image facts, then relationships both ways (links).
import type { ElementDetail, RelationLink } from '../ports.js';

export type DetailLine =
  { kind: 'heading'; text: string } | { kind: 'field'; label: string; value: string } | { kind: 'link'; direction: 'out' | 'in'; link: RelationLink };

const LABEL = 14;

/** Long values (SHA-512, purls) are wrapped onto continuation lines so nothing is cut off at 80 columns. */
function wrapped(label: string, value: string, width: number): DetailLine[] {
  // The Detail row draws the value from column 19 on; keep one column spare so nothing is clipped.
  const room = Math.max(16, width - LABEL - 6);
  const lines: DetailLine[] = [];
  for (let i = 0; i === 0 || i < value.length; i += room) lines.push({ kind: 'field', label: i === 0 ? label : '', value: value.slice(i, i + room) });
  return lines;
}

export function detailLines(detail: ElementDetail, width: number): DetailLine[] {
  const lines: DetailLine[] = [];
  for (const [label, value] of detail.fields) lines.push(...wrapped(label, value, width));
  if (detail.checksums.length > 0) {
    lines.push({ kind: 'heading', text: `Checksums (${detail.checksums.length})` });
    for (const c of detail.checksums) lines.push(...wrapped(c.algorithm, c.value, width));
  }
  if (detail.image) {
    const image = detail.image;
    lines.push({ kind: 'heading', text: 'Container image' });
    lines.push(...wrapped('reference', image.reference, width));
    if (image.architecture) lines.push({ kind: 'field', label: 'architecture', value: image.architecture });
    const what = image.layerDigestKind === 'diff-id' ? 'diff IDs' : image.layerDigestKind === 'blob' ? 'blob digests' : 'digests';
    lines.push({ kind: 'heading', text: `Layers (${image.layers.length}, ${what})` });
    image.layers.forEach((layer, i) => lines.push(...wrapped(`layer ${i + 1}`, layer, width)));
  }
  lines.push({ kind: 'heading', text: `Relationships from here (${detail.outgoing.length})` });
  for (const link of detail.outgoing) lines.push({ kind: 'link', direction: 'out', link });
  lines.push({ kind: 'heading', text: `Relationships to here (${detail.incoming.length})` });
  for (const link of detail.incoming) lines.push({ kind: 'link', direction: 'in', link });
  return lines;
}

/** Where the cursor starts: the first relationship if it shows without scrolling, else the top (SPDXID, name, type). */
export function firstLinkIndex(lines: DetailLine[], height: number): number {
  const i = lines.findIndex((l) => l.kind === 'link' && l.link.navigable);
  return i < 0 || i >= height ? 0 : i;
}
