// Where JSON.parse gave up and why, found by a small validating scan (run only after JSON.parse failed, because
// V8's message does not always carry a position and quotes document text, which may span lines).
const WS = new Set([0x20, 0x0a, 0x0d, 0x09]);

export interface JsonSyntaxError {
  offset: number;
  message: string;
}

/** The first syntax error in `text`, or undefined when the text is valid JSON. Iterative: deep nesting is fine. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const n = text.length;
  let i = 0;
  const stack: number[] = []; // 123 object, 91 array
  const ws = () => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  const fail = (message: string): JsonSyntaxError => ({ offset: Math.min(i, n), message });
  const unexpected = () => fail(i >= n ? 'unexpected end of input' : `unexpected ${JSON.stringify(text[i])}`);
  const string = (): JsonSyntaxError | undefined => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return undefined;
      }
      if (c < 0x20) return fail('control character in a string (escape it)');
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i++;
            return fail('bad \\u escape in a string');
          }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          return fail('bad escape in a string');
        }
      } else i++;
    }
    return fail('unterminated string');
  };
  const literal = (): JsonSyntaxError | undefined => {
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!m) return unexpected();
    i += m[0].length;
    return undefined;
  };
  /** After a value: close containers or expect a comma and the next member. */
  const afterValue = (): JsonSyntaxError | 'done' | undefined => {
    for (;;) {
      ws();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? fail(`unexpected ${JSON.stringify(text[i])} after the document`) : 'done';
      const c = text.charCodeAt(i);
      if (c === 44) {
        i++;
        ws();
        return top === 123 ? key() : undefined;
      }
      if ((top === 123 && c === 125) || (top === 91 && c === 93)) {
        i++;
        stack.pop();
        continue;
      }
      return i >= n ? fail('unexpected end of input') : fail(`expected "," or "${top === 123 ? '}' : ']'}", found ${JSON.stringify(text[i])}`);
    }
  };
  const key = (): JsonSyntaxError | undefined => {
    if (text.charCodeAt(i) !== 34) return i >= n ? fail('unexpected end of input') : fail(`expected a quoted key, found ${JSON.stringify(text[i])}`);
    const bad = string();
    if (bad) return bad;
    ws();
    if (text.charCodeAt(i) !== 58) return i >= n ? fail('unexpected end of input') : fail(`expected ":" after a key, found ${JSON.stringify(text[i])}`);
    i++;
    return undefined;
  };
  for (;;) {
    ws();
    const c = text.charCodeAt(i);
    let bad: JsonSyntaxError | undefined;
    if (c === 123 || c === 91) {
      stack.push(c);
      i++;
      ws();
      const close = c === 123 ? 125 : 93;
      if (text.charCodeAt(i) === close) {
        i++;
        stack.pop();
      } else if (c === 123) {
        bad = key();
        if (bad) return bad;
        continue;
      } else continue;
    } else if (c === 34) bad = string();
    else bad = literal();
    if (bad) return bad;
    const next = afterValue();
    if (next === 'done') return undefined;
    if (next) return next;
  }
}
