// A temp file written through a stream is removed after a failure only once the stream has closed: the failure can
// come while the file is still being opened (created), and removing it first would leave it behind.
import { once } from 'node:events';
import type { WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';

export async function discardTempFile(stream: WriteStream, path: string): Promise<void> {
  if (!stream.closed) await once(stream, 'close').catch(() => undefined);
  await rm(path, { force: true });
}
