// CycloneDX annotations (1.5+) to SPDX annotations of type OTHER, one per subject, on the document's list and on the
// element's own: an individual annotator is a Person, an organization an Organization, a component or service a Tool.
import type { ConvertContext } from '../json-like/context.js';
import { at, isObject, objList, show, str } from '../json-like/values.js';
import type { Actor, Annotation, SpdxDocument } from '../model.js';
import { actorOf, toolActor } from './fields.js';

function annotatorOf(ctx: ConvertContext, value: unknown, base: string): Actor | undefined {
  if (!isObject(value)) return undefined;
  if (value.individual !== undefined) return actorOf(ctx, value.individual, 'Person', at(base, 'individual'));
  if (value.organization !== undefined) return actorOf(ctx, value.organization, 'Organization', at(base, 'organization'));
  const tool = isObject(value.component) ? value.component : isObject(value.service) ? value.service : undefined;
  return tool ? toolActor(ctx, tool, base) : undefined;
}

export function readAnnotations(ctx: ConvertContext, value: unknown, doc: SpdxDocument): void {
  const own = new Map<string, Annotation[]>();
  const known = new Set<string>([doc.spdxId, ...doc.packages.map((p) => p.spdxId), ...doc.files.map((f) => f.spdxId)]);
  const all: Annotation[] = [];
  const list = objList(ctx, value, 'annotations');
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    const path = `annotations[${i}]`;
    const annotator = annotatorOf(ctx, a.annotator, at(path, 'annotator'));
    const date = str(ctx, a.timestamp, path, 'timestamp');
    const comment = str(ctx, a.text, path, 'text');
    if (!annotator || date === undefined || comment === undefined || !Array.isArray(a.subjects)) {
      ctx.error('MISSING_REQUIRED_FIELD', 'an annotation needs subjects, an annotator, a timestamp and a text', path);
      continue;
    }
    for (const [j, subject] of a.subjects.entries()) {
      const spdxId = typeof subject === 'string' && known.has(subject) ? subject : undefined;
      if (spdxId === undefined) {
        ctx.error('CYCLONEDX_UNKNOWN_REF', `annotation subject ${show(subject)} names no component or service bom-ref; ignored`, `${path}.subjects[${j}]`);
        continue;
      }
      const annotation: Annotation = { annotator, date, type: 'OTHER', comment, spdxId };
      all.push(annotation);
      let mine = own.get(spdxId);
      if (!mine) own.set(spdxId, (mine = []));
      mine.push(annotation);
    }
  }
  doc.annotations = [...doc.annotations, ...all];
  // Elements share a frozen empty list until they have annotations of their own.
  for (const element of [...doc.packages, ...doc.files]) {
    const mine = own.get(element.spdxId);
    if (mine) element.annotations = [...element.annotations, ...mine];
  }
}
