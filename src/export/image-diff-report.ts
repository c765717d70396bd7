// The `images --diff` report: text for people (+ added, - removed, ~ changed), JSON/CSV for pipelines
// (YAML: diffDocument through the yaml library, done by the caller that has it loaded).
import { toJsonText } from '../common/json-text.js';
import type { ImageDiff } from '../k8s/image-diff.js';
import { toCsv } from './csv.js';

export interface DiffLabels {
  before: string;
  after: string;
}

export function diffToText(diff: ImageDiff, labels: DiffLabels): string {
  const lines = [`--- ${labels.before}`, `+++ ${labels.after}`];
  for (const image of diff.removed) lines.push(`- ${image.reference}`);
  for (const image of diff.added) lines.push(`+ ${image.reference}`);
  for (const change of diff.changed) {
    lines.push(`~ ${change.after.reference}`);
    for (const text of change.changes) lines.push(`    ${text}`);
  }
  lines.push(`${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.unchanged} unchanged`);
  return `${lines.join('\n')}\n`;
}

export function diffDocument(diff: ImageDiff, labels: DiffLabels) {
  return {
    before: labels.before,
    after: labels.after,
    added: diff.added.map((i) => i.reference),
    removed: diff.removed.map((i) => i.reference),
    changed: diff.changed.map((c) => ({
      key: c.key,
      before: c.before.reference,
      after: c.after.reference,
      changes: c.changes,
      layersAdded: c.layersAdded,
      layersRemoved: c.layersRemoved,
    })),
    unchanged: diff.unchanged,
  };
}

export function diffToJson(diff: ImageDiff, labels: DiffLabels): string {
  return toJsonText(diffDocument(diff, labels));
}

export function diffToCsv(diff: ImageDiff): string {
  const rows: string[][] = [
    ...diff.removed.map((i) => ['removed', i.reference, '', '']),
    ...diff.added.map((i) => ['added', '', i.reference, '']),
    ...diff.changed.map((c) => ['changed', c.before.reference, c.after.reference, c.changes.join('; ')]),
  ];
  return toCsv(['change', 'before', 'after', 'details'], rows);
}
