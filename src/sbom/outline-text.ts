// Prints an outline as an indented tree, one element per line (outline-json.ts prints it for --json).
import { sanitizeLine } from '../common/sanitize.js';
import type { Outline, OutlineNode } from './outline.js';

function nodeLabel(node: OutlineNode): string {
  const parts: string[] = [];
  if (node.via) parts.push(node.via);
  parts.push(node.kind);
  if (node.name !== undefined && node.name !== node.id) parts.push(`${sanitizeLine(node.name)} (${sanitizeLine(node.id)})`);
  else parts.push(sanitizeLine(node.id));
  if (node.repeat) parts.push('[repeat: expanded above]');
  if (node.omitted) parts.push(`[+${node.omitted} below --depth]`);
  return parts.join(' ');
}

// Past this many levels the drawing stops indenting (a 20k-deep chain would otherwise print gigabytes of
// spaces) and each line says its depth instead.
const MAX_INDENT = 40;

/** Lines of the tree, drawn with box characters; iterative so a deep tree cannot overflow the stack. */
export function renderOutlineText(outline: Outline): string {
  const lines: string[] = [];
  type Item = { node: OutlineNode; prefix: string; branch: string; depth: number };
  const stack: Item[] = [{ node: outline.root, prefix: '', branch: '', depth: 0 }];
  while (stack.length > 0) {
    const { node, prefix, branch, depth } = stack.pop()!;
    lines.push(`${prefix}${branch}${depth > MAX_INDENT ? `[depth ${depth}] ` : ''}${nodeLabel(node)}`);
    const deeper = depth >= MAX_INDENT;
    const childPrefix = branch === '' || deeper ? prefix : `${prefix}${branch === '└─ ' ? '   ' : '│  '}`;
    for (let i = node.children.length - 1; i >= 0; i--) {
      const last = i === node.children.length - 1;
      const childBranch = deeper ? branch : last ? '└─ ' : '├─ ';
      stack.push({ node: node.children[i]!, prefix: childPrefix, branch: childBranch, depth: depth + 1 });
    }
  }
  if (outline.unreached.length > 0) {
    lines.push('', `${outline.unreached.length} element(s) not reachable from ${sanitizeLine(outline.root.id)}:`);
    for (const id of outline.unreached) lines.push(`  ${sanitizeLine(id)}`);
  }
  return `${lines.join('\n')}\n`;
}
