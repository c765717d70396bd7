// The Content-Range of a 206 answer to `Range: bytes=N-` (RFC 9110 14.4), for the downloads and blob reads that resume.

/** The whole file's size from `bytes first-last/complete`, when that range is the tail from `offset` on. */
export function sizeIfTailFrom(contentRange: string | undefined | null, offset: number): number | undefined {
  const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(contentRange?.trim() ?? '');
  if (!m) return undefined;
  const [first, last, complete] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (first !== offset || last !== complete - 1 || !Number.isSafeInteger(complete)) return undefined;
  return complete;
}
