// Finds the long pieces of an XML text that xml-text-runs.ts lifts out: text between markup inside the root
// element, and quoted attribute values of start tags. It follows the markup as fast-xml-parser does (comments,
// CDATA, processing instructions, DOCTYPE, tags with quoted values), without judging well-formedness.

export interface Lift {
  start: number;
  end: number;
  /** An attribute value (lifted before validation too) rather than element text (lifted only for the parser). */
  attribute: boolean;
}

/** Shorter pieces are left to the library: the cost only matters for long ones, and normal documents stay untouched. */
export const MIN_LIFT = 1024;

export function findLifts(xml: string): Lift[] {
  const lifts: Lift[] = [];
  let inElement = false;
  for (let i = 0; i < xml.length;) {
    const lt = xml.indexOf('<', i);
    const end = lt === -1 ? xml.length : lt;
    // Before the root element only whitespace may stand; lifting starts after it so a DOCTYPE is never touched.
    if (inElement && end - i >= MIN_LIFT) lifts.push({ start: i, end, attribute: false });
    if (lt === -1) break;
    const markupEnd = isElementTag(xml, lt) ? skipStartTag(xml, lt, lifts) : skipMarkup(xml, lt);
    if (markupEnd === -1) break;
    if (!inElement && isElementTag(xml, lt)) inElement = true;
    i = markupEnd;
  }
  return lifts;
}

/** Past a start tag; long quoted values without '<' (which XML forbids there) are recorded. */
function skipStartTag(xml: string, lt: number, lifts: Lift[]): number {
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml[i];
    if (c === '"' || c === "'") {
      const close = xml.indexOf(c, i + 1);
      if (close === -1) return -1;
      if (close - i - 1 >= MIN_LIFT && xml.lastIndexOf('<', close) < i) lifts.push({ start: i + 1, end: close, attribute: true });
      i = close;
    } else if (c === '>') return i + 1;
  }
  return -1;
}

/** The offset just past the markup that starts at `lt` (comment, CDATA, PI, DOCTYPE or end tag), or -1 when unclosed. */
function skipMarkup(xml: string, lt: number): number {
  if (xml.startsWith('<!--', lt)) return past(xml, '-->', lt + 4);
  if (xml.startsWith('<![', lt)) return past(xml, ']]>', lt);
  if (xml.startsWith('<?', lt)) return past(xml, '?>', lt + 2);
  if (xml.startsWith('<!', lt)) return skipDeclaration(xml, lt + 2);
  return past(xml, '>', lt + 1);
}

/** `<!DOCTYPE ...>` with an internal subset: brackets, quoted strings and comments inside it. */
function skipDeclaration(xml: string, from: number): number {
  let depth = 0;
  for (let i = from; i < xml.length; i++) {
    const c = xml[i];
    if (c === '"' || c === "'") {
      i = xml.indexOf(c, i + 1);
      if (i === -1) return -1;
    } else if (c === '<' && xml.startsWith('<!--', i)) {
      i = xml.indexOf('-->', i + 4);
      if (i === -1) return -1;
      i += 2;
    } else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) return i + 1;
  }
  return -1;
}

function past(xml: string, close: string, from: number): number {
  const at = xml.indexOf(close, from);
  return at === -1 ? -1 : at + close.length;
}

function isElementTag(xml: string, lt: number): boolean {
  const c = xml.charCodeAt(lt + 1);
  return c !== 33 && c !== 63 && c !== 47; // not '!', '?' or '/'
}
