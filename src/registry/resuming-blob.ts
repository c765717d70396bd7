// A blob read that survives a cut connection: it asks for the rest (`Range: bytes=N-`) and carries on where it
// stopped, so its reader (a digest check, an upload to a mirror) sees one stream. Blobs are content-addressed, so a
// registry that ignores the range sends the same bytes again and the part already read is skipped; the digest is
// checked at the end whatever happened on the way.
import { sizeIfTailFrom } from '../common/content-range.js';
import { ioError } from '../common/errors.js';
import type { StreamResponse } from './http.js';

/** Cuts in a row that brought no new byte before the read gives up; a cut after progress starts the count again. */
const FRUITLESS_RESUMES = 3;

export type Reopen = (from: number) => Promise<StreamResponse>;

export async function* resumingBlob(first: AsyncIterable<Uint8Array>, reopen: Reopen, where: string): AsyncGenerator<Uint8Array> {
  let body = first;
  let offset = 0;
  let fruitless = 0;
  for (;;) {
    const before = offset;
    try {
      for await (const chunk of body) {
        offset += chunk.byteLength;
        yield chunk;
      }
      return;
    } catch (err) {
      fruitless = offset > before ? 0 : fruitless + 1;
      if (fruitless >= FRUITLESS_RESUMES) {
        throw ioError('REGISTRY_READ_FAILED', `blob ${where}: the answer broke off (${(err as Error).message}) at byte ${offset}; run again to resume`, err);
      }
    }
    body = await theRest(reopen, offset, where);
  }
}

/** The blob from byte `offset` on: a 206 of exactly that tail, or a whole 200 with the bytes already read skipped. */
async function theRest(reopen: Reopen, offset: number, where: string): Promise<AsyncIterable<Uint8Array>> {
  const res = await reopen(offset);
  const range = res.headers.get('content-range');
  if (res.status === 206 && res.body && sizeIfTailFrom(range, offset) !== undefined) return res.body;
  if (res.status === 200 && res.body) return skipped(res.body, offset);
  res.body?.dump().catch(() => {});
  const got = res.status === 206 ? `the range ${JSON.stringify(range ?? '')}` : `HTTP ${res.status}`;
  throw ioError('REGISTRY_READ_FAILED', `blob ${where}: the answer broke off at byte ${offset}, and asking for the rest got ${got}; run again to resume`);
}

async function* skipped(body: AsyncIterable<Uint8Array>, count: number): AsyncGenerator<Uint8Array> {
  let left = count;
  for await (const chunk of body) {
    if (left >= chunk.byteLength) {
      left -= chunk.byteLength;
      continue;
    }
    yield left > 0 ? chunk.subarray(left) : chunk;
    left = 0;
  }
}
