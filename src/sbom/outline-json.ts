// The outline as one JSON document, produced in pieces and without recursion: a tree a million nodes wide or
// tens of thousands deep never becomes one string (V8 caps strings) nor one call per level (the stack).
// The bytes are JSON.stringify(outline, null, 2) with the output escapes, except that indentation stops growing
// past MAX_INDENT_LEVEL: a deep chain would otherwise print gigabytes of spaces.
import { escapeJsonUnsafe } from '../common/json-text.js';
import type { Outline, OutlineNode } from './outline.js';

const MAX_INDENT_LEVEL = 40;
const indents: string[] = Array.from({ length: MAX_INDENT_LEVEL + 1 }, (_, level) => '  '.repeat(level));
const indent = (level: number) => indents[Math.min(level, MAX_INDENT_LEVEL)]!;

type Work = string | { node: OutlineNode; level: number };

// Escaping runs over batches of this many characters: once per small piece costs more than the rest of the writing.
const BATCH_CHARS = 1 << 16;

/** Pieces of the document in order, each escaped; joined they are the whole document and its final newline. */
export function* outlineJsonChunks(outline: Outline): Generator<string> {
  let batch = '';
  for (const raw of rawChunks(outline)) {
    batch += raw;
    if (batch.length < BATCH_CHARS) continue;
    yield escapeJsonUnsafe(batch);
    batch = '';
  }
  if (batch) yield escapeJsonUnsafe(batch);
}

/** The whole document as one string: for tests and small outlines (a big one is past what a string can hold). */
export function renderOutlineJson(outline: Outline): string {
  return [...outlineJsonChunks(outline)].join('');
}

function* rawChunks(outline: Outline): Generator<string> {
  yield '{\n  "root": ';
  const stack: Work[] = [{ node: outline.root, level: 1 }];
  while (stack.length > 0) {
    const work = stack.pop()!;
    if (typeof work === 'string') yield work;
    else pushNode(stack, work.node, work.level);
  }
  if (outline.unreached.length === 0) {
    yield ',\n  "unreached": []\n}\n';
    return;
  }
  yield ',\n  "unreached": [\n';
  for (let i = 0; i < outline.unreached.length; i++) yield `${i > 0 ? ',\n' : ''}    ${JSON.stringify(outline.unreached[i])}`;
  yield '\n  ]\n}\n';
}

/** Pushes the node's pieces (its own fields as text, its children as further work) so they pop in order. */
function pushNode(stack: Work[], node: OutlineNode, level: number): void {
  const pad = indent(level + 1);
  const items: Work[] = [];
  let text = '{';
  let first = true;
  // Object.keys gives the fields in the order JSON.stringify writes them.
  for (const key of Object.keys(node) as (keyof OutlineNode)[]) {
    const value = node[key];
    if (value === undefined) continue;
    text += `${first ? '' : ','}\n${pad}${JSON.stringify(key)}: `;
    first = false;
    if (key !== 'children') {
      text += JSON.stringify(value);
      continue;
    }
    if (node.children.length === 0) {
      text += '[]';
      continue;
    }
    text += '[';
    for (let i = 0; i < node.children.length; i++) {
      items.push(`${text}${i > 0 ? ',' : ''}\n${indent(level + 2)}`, { node: node.children[i]!, level: level + 2 });
      text = '';
    }
    text = `\n${pad}]`;
  }
  items.push(`${text}${first ? '' : `\n${indent(level)}`}}`);
  for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]!);
}
