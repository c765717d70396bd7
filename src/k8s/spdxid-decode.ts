// kubernetes-sigs/bom writes SPDXIDs from names: `/` and `:` become `-`, any other byte outside [A-Za-z0-9.-]
// becomes C<byte value> (`_` is C95). These helpers reverse that for the parts that can be reversed.

const ALLOWED = /^[A-Za-z0-9.-]$/;

/** bom's encoding of a name into SPDXID characters. */
export function encodeSpdxIdPart(text: string): string {
  let out = '';
  for (const ch of text.replace(/[:/]/g, '-')) {
    if (ALLOWED.test(ch)) out += ch;
    else for (const byte of Buffer.from(ch, 'utf8')) out += `C${byte}`;
  }
  return out;
}

/** A byte value bom would have escaped (so `C<value>` in an SPDXID stands for it, not for literal text). */
function wasEscaped(value: number): boolean {
  // Control characters never occur in image names; treating C10 etc. as text keeps literal "C1001" intact.
  if (value < 32 || value > 255) return false;
  if (value >= 128) return true;
  return !ALLOWED.test(String.fromCharCode(value));
}

/**
 * Turns `C<byte>` escapes back into characters (runs of escaped UTF-8 bytes become one character). A `C` followed
 * by digits that bom would never have produced (e.g. C65, which would be a plain `A`) is kept as written.
 */
export function decodeSpdxIdEscapes(text: string): string {
  const bytes: number[] = [];
  let out = '';
  const flush = () => {
    if (bytes.length) out += Buffer.from(bytes).toString('utf8');
    bytes.length = 0;
  };
  let i = 0;
  while (i < text.length) {
    if (text[i] === 'C') {
      const three = /^\d{3}/.exec(text.slice(i + 1))?.[0];
      const two = /^\d{2}/.exec(text.slice(i + 1))?.[0];
      const pick = three && wasEscaped(Number(three)) ? three : two && wasEscaped(Number(two)) ? two : undefined;
      if (pick) {
        bytes.push(Number(pick));
        i += 1 + pick.length;
        continue;
      }
    }
    flush();
    out += text[i];
    i++;
  }
  flush();
  return out;
}
