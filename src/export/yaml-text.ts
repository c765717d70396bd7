// The one YAML serialiser for output. The yaml library leaves C1, bidi and U+2028/2029 raw, even in plain
// scalars: strings holding any control are written double-quoted (as JSON), and those are then \u-escaped.
import { Document, Scalar, visit } from 'yaml';
import { escapeJsonUnsafe } from '../common/json-text.js';

const NEEDS_ESCAPES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

export function toYamlText(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && NEEDS_ESCAPES.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return escapeJsonUnsafe(doc.toString({ doubleQuotedAsJSON: true }));
}
