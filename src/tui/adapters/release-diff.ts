// Two documents side by side as lines: the images part is `images --diff`'s own text report (src/export), the
// binaries part compares the release files by path and SHA-256 (src/k8s).
import { diffToText } from '../../export/image-diff-report.js';
import { diffImages } from '../../k8s/image-diff.js';
import { diffReleaseFiles } from '../../k8s/release-file-diff.js';
import type { SbomView } from '../ports.js';

const short = (digest: string) => (digest.length > 16 ? `${digest.slice(0, 16)}…` : digest);

export function releaseDiffLines(before: SbomView, after: SbomView, labels: { before: string; after: string }): string[] {
  const images = diffToText(diffImages(before.inventory.images, after.inventory.images), labels).trimEnd().split('\n');
  const files = diffReleaseFiles(before.releaseFiles(), after.releaseFiles());
  const lines = [...images.slice(0, 2), 'images:', ...images.slice(2).map((l, i, all) => (i === all.length - 1 ? `${l} images` : l)), 'binaries:'];
  for (const name of files.removed) lines.push(`- ${name}`);
  for (const name of files.added) lines.push(`+ ${name}`);
  for (const change of files.changed)
    lines.push(`~ ${change.name}`, `    sha256 ${change.before.map(short).join(', ')} -> ${change.after.map(short).join(', ')}`);
  lines.push(`${files.added.length} added, ${files.removed.length} removed, ${files.changed.length} changed, ${files.unchanged} unchanged binaries`);
  return lines;
}
