// Bytes or text in, decoded text and its format out (SPDX 2, CycloneDX, SPDX 3): BOM and UTF-16 decoding, binary refusal,
// format detection from the content first and from the file name only when the content does not say.
import type { Diagnostic } from './diagnostics.js';
import type { SbomFormat } from './model.js';

export interface Decoded {
  /** Undefined when the input could not be turned into text (binary, invalid encoding). */
  text?: string;
  encoding?: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';
  diagnostics: Diagnostic[];
}

/** How much of the start is searched for NUL bytes and for format clues. */
const SNIFF_BYTES = 8192;
const SNIFF_CHARS = 65536;

/** Decodes bytes (UTF-8, UTF-8 with BOM, UTF-16 LE/BE with BOM); refuses binary content. Strings lose a leading BOM. */
export function decodeInput(input: string | Uint8Array): Decoded {
  if (typeof input === 'string') {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    return binaryCheck(text) ? { diagnostics: [binaryDiagnostic()] } : { text, encoding: 'utf-8', diagnostics: [] };
  }
  const b = input;
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return decodeWith('utf-16le', b.subarray(2), 'utf-16le');
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return decodeWith('utf-16be', b.subarray(2), 'utf-16be');
  const bom = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  const body = bom ? b.subarray(3) : b;
  const sniff = Math.min(body.length, SNIFF_BYTES);
  for (let i = 0; i < sniff; i++) if (body[i] === 0) return { diagnostics: [binaryDiagnostic()] };
  return decodeWith('utf-8', body, bom ? 'utf-8-bom' : 'utf-8');
}

function decodeWith(label: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array, encoding: Decoded['encoding']): Decoded {
  const diagnostics: Diagnostic[] = [];
  let text: string;
  try {
    text = new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch (err) {
    if (isTooLarge(err)) return { diagnostics: [tooLargeDiagnostic(bytes.length)] };
    try {
      text = new TextDecoder(label).decode(bytes);
    } catch (err2) {
      if (isTooLarge(err2)) return { diagnostics: [tooLargeDiagnostic(bytes.length)] };
      throw err2;
    }
    const bad = text.indexOf('\ufffd');
    const line = bad === -1 ? undefined : countLines(text, bad);
    diagnostics.push({
      severity: 'warning',
      code: 'INVALID_ENCODING',
      message: `the content is not valid ${label.toUpperCase()}; invalid bytes were replaced by U+FFFD`,
      line,
    });
  }
  if (label !== 'utf-8' && binaryCheck(text)) return { diagnostics: [binaryDiagnostic()] };
  return { text, encoding, diagnostics };
}

function isTooLarge(err: unknown): boolean {
  return err instanceof RangeError || (err as { code?: string })?.code === 'ERR_STRING_TOO_LONG';
}

export function tooLargeDiagnostic(bytes: number): Diagnostic {
  return { severity: 'error', code: 'INPUT_TOO_LARGE', message: `the input (${bytes} bytes) is too large to hold as text` };
}

function binaryCheck(text: string): boolean {
  const n = Math.min(text.length, SNIFF_BYTES);
  for (let i = 0; i < n; i++) if (text.charCodeAt(i) === 0) return true;
  return false;
}

function binaryDiagnostic(): Diagnostic {
  return {
    severity: 'error',
    code: 'BINARY_CONTENT',
    message: 'the content is binary (it contains NUL bytes), not an SPDX document in text form (UTF-16 needs a byte-order mark)',
  };
}

function countLines(text: string, upTo: number): number {
  let line = 1;
  for (let p = text.indexOf('\n'); p !== -1 && p < upTo; p = text.indexOf('\n', p + 1)) line++;
  return line;
}

/** Tag-value tags start upper-case (`SPDXVersion:`, `PackageName:`); SPDX YAML keys are camelCase, except `SPDXID`. */
const TAG_VALUE_LINE = /^(?!SPDXID\s*:)[A-Z][A-Za-z0-9]*\s*:/;
const YAML_LINE = /^(---|%YAML|[a-z][A-Za-z]*\s*:|-\s)/;

/** The key that names each JSON spec; the one written first wins (an SPDX 2 value could quote another's key). */
const JSON_MARKERS: [RegExp, SbomFormat][] = [
  [/"spdxVersion"\s*:/, 'json'],
  [/"bomFormat"\s*:\s*"CycloneDX"/, 'cyclonedx-json'],
  [/"@(context|graph)"\s*:/, 'spdx3-json'],
];
/** CycloneDX XML: a `<bom>` element (possibly prefixed) and the CycloneDX namespace. */
const CYCLONEDX_BOM = /<([\w-]+:)?bom[\s>/]/;
const CYCLONEDX_NAMESPACE = /http:\/\/cyclonedx\.org\/schema\/bom\//;

function jsonKind(head: string): SbomFormat {
  let best: SbomFormat = 'json';
  let bestAt = Infinity;
  for (const [marker, format] of JSON_MARKERS) {
    const at = head.search(marker);
    if (at !== -1 && at < bestAt) {
      bestAt = at;
      best = format;
    }
  }
  return best;
}

/** The format the content shows, or undefined when it gives no clue. */
export function detectFromContent(text: string): SbomFormat | undefined {
  const head = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
  let pos = 0;
  let lines = 0;
  while (pos < head.length && lines < 200) {
    let nl = head.indexOf('\n', pos);
    if (nl === -1) nl = head.length;
    const line = head.slice(pos, nl).trim();
    pos = nl + 1;
    if (line === '' || line.startsWith('#')) continue;
    lines++;
    const first = line.charCodeAt(0);
    if (first === 0x7b /* { */ || first === 0x5b /* [ */) return jsonKind(head);
    if (first === 0x3c /* < */)
      return /<(\w+:)?RDF[\s>]/.test(head) ? 'rdf-xml' : CYCLONEDX_BOM.test(head) && CYCLONEDX_NAMESPACE.test(head) ? 'cyclonedx-xml' : 'xml';
    if (TAG_VALUE_LINE.test(line)) return 'tag-value';
    if (YAML_LINE.test(line)) return 'yaml';
    // `SPDXID:` starts both tag-value and YAML documents: decide on a later line.
  }
  return undefined;
}

/** The format a file name suggests, or undefined. */
export function detectFromFileName(fileName: string): SbomFormat | undefined {
  const name = fileName.toLowerCase();
  if (name.endsWith('.rdf') || name.endsWith('.rdf.xml')) return 'rdf-xml';
  if (/\.(cdx|bom)\.json$/.test(name)) return 'cyclonedx-json';
  if (/\.(cdx|bom)\.xml$/.test(name)) return 'cyclonedx-xml';
  if (name.endsWith('.spdx3.json')) return 'spdx3-json';
  if (name.endsWith('.json') || name.endsWith('.jsonld')) return 'json';
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return 'yaml';
  if (name.endsWith('.xml')) return 'xml';
  if (name.endsWith('.spdx') || name.endsWith('.tv') || name.endsWith('.tag') || name.endsWith('.txt')) return 'tag-value';
  return undefined;
}
