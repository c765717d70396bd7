// Reading response bodies with a hard size limit, and registry error bodies for their codes.
import type { Dispatcher } from 'undici';
import { ioError, KubeSbomError } from '../common/errors.js';

type Body = Dispatcher.ResponseData['body'];

/** Response headers as `fetch` shows them: lower-case names, repeated values joined with ", ". */
export class ResponseHeaders {
  constructor(private readonly raw: Record<string, string | string[] | undefined>) {}

  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }
}

/** Ends a body we stop reading; undici then emits an abort error, which must not become an uncaught 'error' event. */
function abandon(body: Body, err: Error): Error {
  body.on('error', () => {});
  body.destroy(err);
  return err;
}

/** Throws the body away so the connection can serve the next request. */
export function discardBody(body: Body): void {
  body.dump().catch(() => {});
}

/** Reads at most maxBytes; a longer body is cut off with RESPONSE_TOO_LARGE instead of filling memory. */
export async function readLimited(body: Body, headers: ResponseHeaders, maxBytes: number, what: string): Promise<Uint8Array> {
  const declared = Number(headers.get('content-length') ?? NaN);
  const tooLarge = () => ioError('RESPONSE_TOO_LARGE', `${what}: larger than the ${maxBytes}-byte limit; refusing to read it`);
  if (Number.isFinite(declared) && declared > maxBytes) throw abandon(body, tooLarge());
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      total += chunk.byteLength;
      if (total > maxBytes) throw abandon(body, tooLarge());
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof KubeSbomError) throw err;
    // A stall or a cut connection mid-body is the network's failure, said in one line, not an internal error.
    const { code, message } = err as { code?: string; message?: string };
    const why = code === 'UND_ERR_BODY_TIMEOUT' ? 'the answer stalled' : `the answer broke off (${message ?? code ?? String(err)})`;
    throw ioError('REGISTRY_READ_FAILED', `${what}: ${why}; check the network and try again`, err);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/** The registry's error codes (MANIFEST_UNKNOWN, NAME_UNKNOWN, ...) from a JSON error body, if any. */
export async function readErrorBody(body: Body, headers: ResponseHeaders): Promise<{ text: string; codes: string[] }> {
  let text = '';
  try {
    text = Buffer.from(await readLimited(body, headers, 64 * 1024, 'error body')).toString('utf8');
  } catch {
    return { text: '', codes: [] };
  }
  try {
    const doc = JSON.parse(text) as { errors?: Array<{ code?: unknown }> };
    const codes = (doc.errors ?? []).flatMap((e) => (typeof e.code === 'string' ? [e.code] : []));
    return { text, codes };
  } catch {
    return { text, codes: [] };
  }
}
