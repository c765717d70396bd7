// Resuming a cut-short download (RFC 9110 ranges): ask for the rest with `Range`, guarded by `If-Range` so that a
// server whose file changed since sends the whole new file instead of a tail that would not fit the kept head.
import type { IncomingHttpHeaders } from 'node:http';

/** What a cut-short attempt left behind: a temp file holding the first bytes of one version of the remote file. */
export interface PartialDownload {
  temp: string;
  bytes: number;
  /** The strong ETag of the version those bytes came from. */
  validator: string;
}

/**
 * How a response may be resumed later: only when the server takes byte ranges and names the file's exact version.
 * A weak ETag promises the same meaning, not the same bytes, and a Last-Modified date may not change within a second:
 * neither can prove that a tail belongs to the kept head (RFC 9110 13.1.5).
 */
export function resumeValidator(headers: IncomingHttpHeaders): string | undefined {
  if (headers['accept-ranges']?.toLowerCase() !== 'bytes') return undefined;
  const etag = headers.etag;
  return etag && !etag.startsWith('W/') ? etag : undefined;
}

export function rangeHeaders(partial: PartialDownload): Record<string, string> {
  return { range: `bytes=${partial.bytes}-`, 'if-range': partial.validator };
}
