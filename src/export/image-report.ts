// A Markdown report of an image inventory (for release notes, tickets and the UI's export screen). Pure.
import type { ContainerImage } from '../k8s/image-types.js';
import { imageListEntries, type ImageListOptions } from './image-list.js';

const cell = (text: string) => text.replace(/[\\|]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
const short = (digest: string | undefined) => (digest ? `\`${digest.replace(/^(sha\d+:)?([0-9a-f]{12})[0-9a-f]*$/, '$1$2')}\`` : '');

export function imagesToMarkdown(images: readonly ContainerImage[], options: ImageListOptions = {}): string {
  const entries = imageListEntries(images, options);
  const byArch = new Map<string, number>();
  for (const image of images) byArch.set(image.architecture ?? 'unknown', (byArch.get(image.architecture ?? 'unknown') ?? 0) + 1);
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
        const sha256 = e.image.archiveChecksums.find((c) => c.algorithm === 'SHA256')?.value;
        const digest = e.pinned ? e.pinned.slice(e.pinned.lastIndexOf('@') + 1) : undefined;
        return `| \`${cell(e.reference)}\` | ${cell(e.image.architecture ?? '')} | ${short(digest)} | ${e.image.layers.length} | ${short(sha256)} |`;
      }),
  ];
  return `${lines.join('\n')}\n`;
}
