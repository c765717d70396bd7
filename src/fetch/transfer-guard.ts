// Watches a response body while it is read: too long a silence, or too few bytes per window, ends it with a coded error.
import type { Readable } from 'node:stream';
import { formatDuration } from '../common/duration.js';
import { formatBytes } from './types.js';

export interface TransferLimits {
  idleTimeoutMs: number;
  minRate: { bytes: number; windowMs: number };
}

export interface GuardedBody {
  body: AsyncIterable<Uint8Array>;
  /** Stops the timers (also done when the body ends or fails). */
  stop: () => void;
}

/** Yields `source`'s chunks; destroys it with BODY_TIMEOUT or DOWNLOAD_TOO_SLOW when the limits are broken. */
export function guardBody(source: Readable, limits: TransferLimits): GuardedBody {
  const fail = (code: string, message: string) => source.destroy(Object.assign(new Error(message), { code }));
  const idle = setTimeout(() => fail('BODY_TIMEOUT', `no data for ${formatDuration(limits.idleTimeoutMs)}`), limits.idleTimeoutMs);
  let windowBytes = 0;
  const { bytes, windowMs } = limits.minRate;
  const rate = setInterval(() => {
    if (windowBytes < bytes) {
      fail('DOWNLOAD_TOO_SLOW', `${formatBytes(windowBytes)} in ${formatDuration(windowMs)}, under the ${formatBytes(bytes)} minimum`);
    }
    windowBytes = 0;
  }, windowMs);
  const stop = () => {
    clearTimeout(idle);
    clearInterval(rate);
  };
  async function* guarded(): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of source as AsyncIterable<Uint8Array>) {
        windowBytes += chunk.byteLength;
        idle.refresh();
        yield chunk;
      }
    } finally {
      stop();
    }
  }
  return { body: guarded(), stop };
}
