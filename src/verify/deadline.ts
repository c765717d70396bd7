// Work under a deadline (--timeout): the signal aborts its requests, and the caller gets the timeout error at the
// deadline even if some step does not listen to the signal.
import { formatDuration } from '../common/duration.js';
import { ioError } from '../common/errors.js';

export async function withDeadline<T>(ms: number | undefined, work: (signal?: AbortSignal) => Promise<T>, timedOut: () => Error): Promise<T> {
  if (ms === undefined) return work(undefined);
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(timedOut());
    }, ms);
  });
  const running = work(controller.signal);
  // Work that fails after the deadline has nobody left to tell.
  running.catch(() => {});
  try {
    return await Promise.race([running, expired]);
  } catch (err) {
    throw controller.signal.aborted ? timedOut() : err;
  } finally {
    clearTimeout(timer);
  }
}

/** One line for an image that ran out of time: what, where, and how to allow more. */
export function imageTimeout(reference: string, ms: number, where: string, what = 'verified') {
  return ioError(
    'IMAGE_TIMEOUT',
    `${reference}: not ${what} within --timeout ${formatDuration(ms)} (${where} too slow or not answering); raise --timeout, e.g. --timeout 30m`,
  );
}
