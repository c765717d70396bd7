// Annotations, nested in an element or at document level; each is also collected document-wide.
import { EMPTY_LIST, type Annotation } from '../model.js';
import type { ConvertContext } from './context.js';
import { ANNOTATION_KEYS, ANNOTATION_TYPES } from './fields.js';
import { actorFromText, at, date, enumValue, objList, str } from './values.js';

/** Converts `annotations` of the element `spdxId`, appends them to `all` and returns them. */
export function annotationsOf(ctx: ConvertContext, value: unknown, path: string, spdxId: string, all: Annotation[]): readonly Annotation[] {
  if (value === undefined) return EMPTY_LIST;
  const list = objList(ctx, value, path);
  const out: Annotation[] = [];
  for (let i = 0; i < list.length; i++) {
    const obj = list[i]!;
    const base = at(path, i);
    const annotatorText = str(ctx, obj.annotator, base, 'annotator');
    if (annotatorText === undefined) {
      ctx.error('MISSING_REQUIRED_FIELD', 'annotation has no annotator; ignored', base);
      continue;
    }
    const type = enumValue(ctx, obj.annotationType, ANNOTATION_TYPES, 'annotation type', base, 'annotationType');
    const when = date(ctx, obj.annotationDate, base, 'annotationDate');
    const comment = str(ctx, obj.comment, base, 'comment');
    if (type === undefined) ctx.warn('MISSING_REQUIRED_FIELD', 'annotation has no annotationType', at(base, 'annotationType'));
    if (when === undefined) ctx.warn('MISSING_REQUIRED_FIELD', 'annotation has no annotationDate', at(base, 'annotationDate'));
    if (comment === undefined) ctx.warn('MISSING_REQUIRED_FIELD', 'annotation has no comment', at(base, 'comment'));
    for (const key in obj) if (!ANNOTATION_KEYS.has(key)) ctx.warn(`${ctx.format}_UNKNOWN_FIELD`, `unknown field "${key}"; ignored`, at(base, key));
    const annotation: Annotation = {
      annotator: actorFromText(ctx, annotatorText, base, 'annotator'),
      date: when ?? '',
      type: type ?? '',
      comment: comment ?? '',
      spdxId,
    };
    const position = ctx.positionOf(base);
    if (position) annotation.position = position;
    out.push(annotation);
    all.push(annotation);
  }
  return out;
}
