// Tag-value SPDX 2.2/2.3: one pass of the lexer, each `Tag: value` dispatched to its handler, then the finish.
import type { DiagnosticSink } from '../diagnostics.js';
import type { SpdxDocument } from '../model.js';
import { finishDocument } from './finish.js';
import { deprecatedTags, documentHandlers, type Handler } from './handlers-document.js';
import { fileHandlers } from './handlers-file.js';
import { annotationHandlers, licenseHandlers, relationshipHandlers } from './handlers-other.js';
import { packageHandlers } from './handlers-package.js';
import { TagValueLexer, type LexReporter } from './lexer.js';
import { TagValueState } from './state.js';
import { TagTable } from './tag-table.js';

const handlers = new Map<string, Handler>(
  Object.entries({
    ...documentHandlers,
    ...packageHandlers,
    ...fileHandlers,
    ...licenseHandlers,
    ...annotationHandlers,
    ...relationshipHandlers,
  }),
);
/** Tags by lower case, to read `packagename:` with a warning instead of dropping it. */
const handlerTagByLowerCase = new Map([...handlers.keys()].map((tag) => [tag.toLowerCase(), tag]));

/** Every tag this parser knows, including the deprecated ones it accepts and ignores. */
export const knownTags = new TagTable([...handlers.keys(), ...deprecatedTags]);
/** Handlers by the lexer's tag index (undefined for deprecated tags): an array read per line, not a map lookup. */
const handlerByIndex: (Handler | undefined)[] = knownTags.tags.map((tag) => handlers.get(tag));

const TAG_SHAPE = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Parses tag-value text; every problem goes to `sink` with its line and column. Never throws on bad content. */
export function parseTagValueDocument(text: string, sink: DiagnosticSink): SpdxDocument {
  let state: TagValueState | undefined;
  const reporter: LexReporter = {
    malformedLine: (line, column, content) =>
      state!.add('warning', 'TAGVALUE_MALFORMED_LINE', `expected "Tag: value", found ${state!.quote(content)}; ignored`, line, column),
    unterminatedText: (line, column, endLine) =>
      state!.add('error', 'TAGVALUE_UNTERMINATED_TEXT', `<text> is never closed by </text>; read up to line ${endLine}`, line, column),
    missingColon: (line, column) => state!.add('warning', 'TAGVALUE_MISSING_COLON', 'a colon should follow the tag; read as if it were there', line, column),
    textTrailingContent: (line, column) => state!.add('warning', 'TAGVALUE_TEXT_TRAILING', 'content after </text> on the same line is ignored', line, column),
  };
  const lx = new TagValueLexer(text, reporter, knownTags);
  state = new TagValueState(lx, sink);
  let entries = 0;
  while (lx.next()) {
    entries++;
    const handler = lx.tagIndex === -1 ? undefined : handlerByIndex[lx.tagIndex];
    if (handler !== undefined) handler(state);
    else unknownTag(state);
  }
  if (entries === 0) {
    // Nothing to finish: missing-field warnings would only repeat this.
    state.add('error', 'TAGVALUE_NO_CONTENT', 'no "Tag: value" lines found; this is not a tag-value SPDX document');
    return state.doc;
  }
  finishDocument(state);
  return state.doc;
}

function unknownTag(s: TagValueState): void {
  const tag = s.lx.tag;
  if (deprecatedTags.has(tag)) {
    s.atTag('info', 'TAGVALUE_DEPRECATED_TAG', `${tag} belongs to an older SPDX version and is not part of SPDX 2.2/2.3; ignored`);
    return;
  }
  const known = handlerTagByLowerCase.get(tag.toLowerCase());
  if (known) {
    s.atTag('warning', 'TAGVALUE_TAG_CASE', `tag ${s.quote(tag)} should be written ${known}`);
    handlers.get(known)!(s);
    return;
  }
  if (!TAG_SHAPE.test(tag)) {
    s.atTag('warning', 'TAGVALUE_MALFORMED_LINE', `expected "Tag: value", found ${s.quote(`${tag}: ${s.lx.value}`)}; ignored`);
    return;
  }
  s.atTag('warning', 'TAGVALUE_UNKNOWN_TAG', `unknown tag ${s.quote(tag)}; ignored`);
}
