// Reads whole artifacts into one buffer reused from read to read. A fresh buffer per 20 MiB file leaves each old one
// to the garbage collector, which lets dozens pile up (40 x 20 MiB read one after another: 170 MB peak RSS; reused:
// 64 MB). Only for callers that finish with the bytes before the next read (release-signature.ts serializes them).
import { open } from 'node:fs/promises';

export function reusableReader(): (path: string) => Promise<Buffer> {
  let pool = Buffer.alloc(0);
  return async (path) => {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      if (pool.length < size) pool = Buffer.allocUnsafeSlow(size);
      let done = 0;
      while (done < size) {
        const { bytesRead } = await handle.read(pool, done, size - done, done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      // A file cut short while read yields fewer bytes: its digest check then fails, as it should.
      return pool.subarray(0, done);
    } finally {
      await handle.close();
    }
  };
}
