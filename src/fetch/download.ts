// One URL to one file: retries with backoff (network errors, 5xx, 429) that resume a cut-short transfer where the
// server allows it, an overall deadline, progress events, atomic rename at the end.
import { formatDuration } from '../common/duration.js';
import { ioError, KubeSbomError } from '../common/errors.js';
import type { Digests } from '../integrity/digest.js';
import type { HttpAgents } from './http-client.js';
import { backoffDelay, isRetryableError, isRetryableStatus, parseRetryAfter, sleep } from './retry.js';
import { Leftover } from './leftover.js';
import { tempPathFor, writeStreamToFile, type ByteTap } from './sink.js';
import { HttpStatusError, openFile, openHttp, type OpenedSource, type RequestInit } from './sources.js';
import type { FetchEventListener, FetchSettings } from './types.js';

export interface DownloadRequest<T extends ByteTap = ByteTap> extends RequestInit {
  url: string;
  /** Short name for progress lines, e.g. `release.sha256`. */
  label: string;
  dest: string;
  maxBytes: number;
  /** A fresh tap for each attempt (a resumed attempt feeds it the kept bytes from disk first). */
  tap?: () => T;
}

/** The file's digests, and the tap of the attempt that wrote it. */
export type Downloaded<T extends ByteTap = ByteTap> = Digests & { tap?: T };

export interface DownloadContext {
  agents: HttpAgents;
  settings: FetchSettings;
  onEvent?: FetchEventListener;
  now?: () => number;
}

const PROGRESS_INTERVAL_MS = 100;

export async function downloadToFile<T extends ByteTap>(req: DownloadRequest<T>, ctx: DownloadContext): Promise<Downloaded<T>> {
  const now = ctx.now ?? Date.now;
  const isFile = req.url.startsWith('file:');
  const deadline = new AbortController();
  const timeoutMs = ctx.settings.timeoutMs;
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  const endsAt = now() + timeoutMs;
  const leftover = new Leftover();
  // What --retries counts: failures in a row, where one that kept new bytes starts the count again at one. A cut
  // after progress is continued, so a long download over a poor link finishes; --timeout still bounds the whole.
  let fruitless = 0;
  try {
    for (let attempt = 1; ; attempt++) {
      const keptBefore = leftover.current?.bytes ?? 0;
      try {
        const digests = await attemptOnce(req, ctx, attempt, now, deadline.signal, leftover);
        ctx.onEvent?.({ type: 'download-done', url: req.url, label: req.label, bytes: digests.size, source: isFile ? 'file' : 'network' });
        return digests;
      } catch (err) {
        if (deadline.signal.aborted) throw deadlineError(req.url, timeoutMs, attempt);
        fruitless = (leftover.current?.bytes ?? 0) > keptBefore ? 1 : fruitless + 1;
        const retry = isFile ? undefined : retryDecision(err, fruitless, ctx.settings, now());
        if (retry === undefined) throw asDownloadError(err, req.url, attempt);
        // Waiting past the deadline would only end in a timeout: say so now, with the failure that made us wait.
        if (now() + retry >= endsAt) throw deadlineError(req.url, timeoutMs, attempt, describe(asDownloadError(err, req.url, 1)));
        const resumeFrom = leftover.current?.bytes;
        ctx.onEvent?.({
          type: 'download-retry',
          url: req.url,
          label: req.label,
          attempt: attempt + 1,
          delayMs: retry,
          reason: describe(err),
          ...(resumeFrom ? { resumeFrom } : {}),
        });
        await sleep(retry);
      }
    }
  } finally {
    clearTimeout(timer);
    await leftover.replace(undefined);
  }
}

async function attemptOnce<T extends ByteTap>(
  req: DownloadRequest<T>,
  ctx: DownloadContext,
  attempt: number,
  now: () => number,
  signal: AbortSignal,
  leftover: Leftover,
): Promise<Downloaded<T>> {
  // The kept bytes are read back before asking for the rest, so that the rest is taken as soon as it arrives.
  let kept = leftover.current ? await leftover.read(req.url, req.maxBytes, req.tap?.()) : undefined;
  let opened: OpenedSource;
  try {
    opened = req.url.startsWith('file:')
      ? await openFile(req.url, req.maxBytes)
      : await openHttp(req.url, ctx.agents, ctx.settings, req.maxBytes, req, signal, leftover.current);
  } catch (err) {
    if ((err as { code?: string }).code === 'RESUME_REFUSED') await leftover.replace(undefined);
    throw err;
  }
  const resumedAt = opened.startsAt;
  if (resumedAt === 0 && kept) {
    // A whole body (the server ignored the range, or the file changed): the kept bytes belong to no file any more.
    await leftover.replace(undefined);
    kept = undefined;
  }
  const temp = leftover.current?.temp ?? tempPathFor(req.dest);
  const started = now();
  let lastEmit = 0;
  ctx.onEvent?.({
    type: 'download-start',
    url: req.url,
    label: req.label,
    totalBytes: opened.totalBytes,
    attempt,
    ...(resumedAt > 0 ? { resumedAt } : {}),
  });
  const tap = kept ? kept.tap : req.tap?.();
  try {
    const digests = await writeStreamToFile(opened.body, req.dest, {
      label: req.url,
      ...(tap ? { tap } : {}),
      maxBytes: req.maxBytes,
      expectedBytes: opened.totalBytes,
      temp,
      ...(kept ? { kept } : {}),
      keepPartial: opened.validator !== undefined,
      onChunk: (bytesDone) => {
        const t = now();
        if (t - lastEmit < PROGRESS_INTERVAL_MS && bytesDone !== opened.totalBytes) return;
        lastEmit = t;
        const seconds = Math.max((t - started) / 1000, 0.001);
        ctx.onEvent?.({
          type: 'download-progress',
          url: req.url,
          label: req.label,
          bytesDone,
          totalBytes: opened.totalBytes,
          bytesPerSecond: (bytesDone - resumedAt) / seconds,
        });
      },
    });
    leftover.completed();
    return tap ? { ...digests, tap } : digests;
  } catch (err) {
    if (opened.validator !== undefined) await leftover.keep(temp, opened.validator);
    throw err;
  } finally {
    opened.discard();
  }
}

/** Milliseconds to wait before the next attempt, or undefined when this failure is final (`failures`: in a row, without progress). */
function retryDecision(err: unknown, failures: number, settings: FetchSettings, nowMs: number): number | undefined {
  if (failures > settings.retries) return undefined;
  if (err instanceof HttpStatusError) {
    if (!isRetryableStatus(err.status)) return undefined;
    const asked = parseRetryAfter(err.retryAfter, nowMs);
    // Past the cap the server is not coming back soon: fail now rather than sit idle.
    if (asked !== undefined) return asked <= settings.maxRetryAfterMs ? asked : undefined;
    return backoffDelay(failures, settings.retryBaseDelayMs);
  }
  const retryable = isRetryableError(err) || isRetryableError((err as Error)?.cause) || (err as { retryable?: boolean })?.retryable === true;
  return retryable ? backoffDelay(failures, settings.retryBaseDelayMs) : undefined;
}

function describe(err: unknown): string {
  if (err instanceof KubeSbomError) return err.message;
  const e = err as NodeJS.ErrnoException;
  return `${e?.code ?? 'error'}: ${e?.message ?? String(err)}`;
}

const TIMEOUT_CODES = new Set(['CONNECT_TIMEOUT', 'HEADERS_TIMEOUT', 'BODY_TIMEOUT', 'ETIMEDOUT']);

function deadlineError(url: string, timeoutMs: number, attempts: number, last?: string): KubeSbomError {
  const tries = attempts > 1 ? ` (${attempts} attempts${last ? `; last: ${last}` : ''})` : last ? ` (${last})` : '';
  return ioError(
    'DOWNLOAD_TIMEOUT',
    `${url}: not downloaded within --timeout ${formatDuration(timeoutMs)}${tries}; raise --timeout (e.g. --timeout 30m) or use a closer mirror`,
  );
}

/** The final error: our own codes pass through; network errors become one line saying what and where. */
function asDownloadError(err: unknown, url: string, attempts: number): KubeSbomError {
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  if (err instanceof HttpStatusError && err.status === 429 && err.retryAfter !== undefined) {
    return ioError(err.code, `${url}: HTTP 429, server asks to retry after ${err.retryAfter}${tries}; try again later`, err);
  }
  if (err instanceof HttpStatusError) return ioError(err.code, HttpStatusError.describe(err.status, url, tries), err);
  if (err instanceof KubeSbomError) {
    return tries && err.kind === 'io' ? ioError(err.code, `${err.message}${tries}`, err) : err;
  }
  const code = (err as NodeJS.ErrnoException)?.code ?? '';
  if (TIMEOUT_CODES.has(code)) {
    return ioError('DOWNLOAD_TIMEOUT', `${url}: ${(err as Error).message}${tries}; check the network or raise --idle-timeout/--connect-timeout`, err);
  }
  if (code === 'DOWNLOAD_TOO_SLOW') {
    return ioError(code, `${url}: ${(err as Error).message}${tries}; the server is stuck or far too slow, try again later or use another mirror`, err);
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return ioError('NETWORK_ERROR', `${url}: host not found (${code}); check the URL and DNS, or use --offline with a filled cache`, err);
  }
  return ioError('NETWORK_ERROR', `${url}: ${describe(err)}${tries}`, err);
}
