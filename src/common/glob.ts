// `*` wildcards matched in linear time: a regular expression of `.*` runs backtracks polynomially in the number of
// stars (`*a*a*a*b` against a long value), and the values come from documents an attacker may write.

export interface Glob {
  /** The glob as given. */
  readonly source: string;
  /** Whether the whole text matches (anchored at both ends; `*` is any run of characters, the rest is literal). */
  test(text: string): boolean;
}

export function compileGlob(source: string): Glob {
  const parts = source.split('*');
  if (parts.length === 1) return { source, test: (text) => text === source };
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const middle = parts.slice(1, -1).filter((part) => part !== '');
  const fixed = first.length + last.length;
  return {
    source,
    test(text) {
      if (text.length < fixed || !text.startsWith(first) || !text.endsWith(last)) return false;
      // Leftmost match of each middle part is never worse than a later one: what stays after it is a superset.
      let at = first.length;
      const end = text.length - last.length;
      for (const part of middle) {
        const found = text.indexOf(part, at);
        if (found < 0 || found + part.length > end) return false;
        at = found + part.length;
      }
      return true;
    },
  };
}
