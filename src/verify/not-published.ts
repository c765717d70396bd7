// A piece of a signed artifact (the file, its .sha256/.sha512/.sig/.cert) that the server answered 404 for, or that a
// file:// mirror does not hold: the server was reached, so verify-release reports it as that artifact's failure.
import { KubeSbomError } from '../common/errors.js';

const MISSING_CODES = new Set(['HTTP_NOT_FOUND', 'FILE_NOT_FOUND']);

export class NotPublishedError extends KubeSbomError {
  constructor(
    /** `the file`, `.sha256`, `.sha512`, `.sig` or `.cert`. */
    readonly piece: string,
    readonly url: string,
    cause: KubeSbomError,
  ) {
    // Same code and kind as the download error, so commands that verify one artifact keep their exit code.
    super(cause.code, cause.message, { kind: cause.kind, cause });
  }

  /** The row's reason in words: `not published: .sig missing (URL: HTTP 404 ...)`. */
  get reason(): string {
    return `not published: ${this.piece} missing (${this.message})`;
  }
}

/** `err` as a NotPublishedError when it says the piece does not exist; otherwise `err` unchanged. */
export function asNotPublished(err: unknown, piece: string, url: string): unknown {
  return err instanceof KubeSbomError && MISSING_CODES.has(err.code) ? new NotPublishedError(piece, url, err) : err;
}
