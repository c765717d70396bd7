// FIFOs for tests of inputs and outputs that are not regular files: made with mkfifo, fed or drained by the test.
import { execFileSync } from 'node:child_process';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

export function makeFifo(path: string): string {
  execFileSync('mkfifo', [path]);
  return path;
}

/**
 * Writes into the FIFO until its reader goes away or `cap` bytes are in, then holds it open (no end of file) until
 * `until` settles, so a reader without a limit waits instead of finishing. Resolves with the bytes written.
 */
export async function feedFifo(path: string, cap: number, until: Promise<unknown>): Promise<number> {
  let opened = false;
  // A run that never opened the FIFO would leave our open() waiting for ever: a reader of our own releases it.
  void until
    .finally(async () => {
      if (!opened) await (await open(path, constants.O_RDONLY | constants.O_NONBLOCK)).close();
    })
    .catch(() => undefined);
  const handle = await open(path, 'w');
  opened = true;
  const chunk = Buffer.alloc(1024 * 1024, 0x30);
  let written = 0;
  try {
    while (written < cap) written += (await handle.write(chunk)).bytesWritten;
    await until;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPIPE') throw err;
  } finally {
    await handle.close();
  }
  return written;
}
