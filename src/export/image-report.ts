// A Markdown report of an image inventory (for release notes, tickets and the UI's export screen). Pure.
import type { ContainerImage } from '../k8s/image-types.js';
import { architecturesOf } from '../k8s/multi-arch.js';
import { imageListEntries, type ImageListOptions } from './image-list.js';

const cell = (text: string) => text.replace(/[\\|]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
const short = (digest: string | undefined) => (digest ? `\`${digest.replace(/^(sha\d+:)?([0-9a-f]{12})[0-9a-f]*$/, '$1$2')}\`` : '');

export function imagesToMarkdown(images: readonly ContainerImage[], options: ImageListOptions = {}): string {
  const entries = imageListEntries(images, options);
  const byArch = new Map<string, number>();
  // A multi-arch entry counts once for each architecture it folds.
  for (const image of images)
    for (const arch of architecturesOf(image).length ? architecturesOf(image) : ['unknown']) byArch.set(arch, (byArch.get(arch) ?? 0) + 1);
  const lines = [
    `# Images${options.releaseVersion ? ` of Kubernetes ${cell(options.releaseVersion)}` : ''}`,
    '',
    ...(options.source ? [`Source: ${cell(options.source)}`, ''] : []),
    `${images.length} image(s); by architecture: ${
      [...byArch]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([a, n]) => `${cell(a)} ${n}`)
        .join(', ') || 'none'
    }.`,
    '',
    '| reference | architecture | digest | layers | archive SHA-256 |',
    '| --- | --- | --- | --- | --- |',
    ...entries
      .slice()
      .sort((a, b) => (a.line < b.line ? -1 : a.line > b.line ? 1 : 0))
      .map((e) => {
        const parts = e.image.platforms ?? [e.image];
        const sha256 = parts.map((p) => short(p.archiveChecksums.find((c) => c.algorithm === 'SHA256')?.value)).filter(Boolean);
        const digest = e.pinned ? e.pinned.slice(e.pinned.lastIndexOf('@') + 1) : undefined;
        const layers = parts.map((p) => p.layers.length).join(', ');
        return `| \`${cell(e.reference)}\` | ${cell(architecturesOf(e.image).join(', '))} | ${short(digest)} | ${layers} | ${sha256.join(', ')} |`;
      }),
  ];
  return `${lines.join('\n')}\n`;
}
