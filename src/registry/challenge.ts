// WWW-Authenticate parsing (RFC 7235 auth-params), enough for registries' Bearer and Basic challenges.

export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/;

/** Parses a header that may hold several challenges; unparseable text ends the parse rather than guessing. */
export function parseChallenges(header: string): Challenge[] {
  const out: Challenge[] = [];
  let rest = header.trim();
  let current: Challenge | undefined;
  while (rest.length > 0) {
    rest = rest.replace(/^[\s,]+/, '');
    const name = TOKEN.exec(rest)?.[0];
    if (!name) break;
    const after = rest.slice(name.length).replace(/^\s+/, '');
    if (after.startsWith('=')) {
      if (!current) break;
      let value: string;
      let tail = after.slice(1).replace(/^\s+/, '');
      if (tail.startsWith('"')) {
        const m = /^"((?:[^"\\]|\\.)*)"/.exec(tail);
        if (!m) break;
        value = m[1]!.replace(/\\(.)/g, '$1');
        tail = tail.slice(m[0].length);
      } else {
        value = TOKEN.exec(tail)?.[0] ?? '';
        tail = tail.slice(value.length);
      }
      current.params[name.toLowerCase()] = value;
      rest = tail;
    } else {
      current = { scheme: name.toLowerCase(), params: {} };
      out.push(current);
      rest = after;
    }
  }
  return out;
}

export function bearerChallenge(header: string | null): Challenge | undefined {
  if (!header) return undefined;
  return parseChallenges(header).find((c) => c.scheme === 'bearer' && c.params.realm);
}

export function basicChallenge(header: string | null): Challenge | undefined {
  if (!header) return undefined;
  return parseChallenges(header).find((c) => c.scheme === 'basic');
}
