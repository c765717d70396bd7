// Reading response bodies with a hard size limit, and registry error bodies for their codes.
import { ioError } from '../common/errors.js';

/** Reads at most maxBytes; a longer body is cut off with RESPONSE_TOO_LARGE instead of filling memory. */
export async function readLimited(res: Response, maxBytes: number, what: string): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  const tooLarge = () => ioError('RESPONSE_TOO_LARGE', `${what}: larger than the ${maxBytes}-byte limit; refusing to read it`);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (!res.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The registry's error codes (MANIFEST_UNKNOWN, NAME_UNKNOWN, ...) from a JSON error body, if any. */
export async function readErrorBody(res: Response): Promise<{ text: string; codes: string[] }> {
  let text = '';
  try {
    text = Buffer.from(await readLimited(res, 64 * 1024, 'error body')).toString('utf8');
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
