// When to retry a download and how long to wait: network errors, 5xx and 429 only; Retry-After honoured within a cap.

/** Network-level failures worth another attempt (Node socket errors and our transfer limits). */
const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'CONNECT_TIMEOUT',
  'HEADERS_TIMEOUT',
  'BODY_TIMEOUT',
  'DOWNLOAD_TOO_SLOW',
  'DOWNLOAD_TRUNCATED',
]);

export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

export function isRetryableError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && RETRYABLE_CODES.has(code);
}

/** Exponential backoff with +-20% jitter: base, 2*base, 4*base ... capped at 30 s. */
export function backoffDelay(retry: number, baseMs: number, random: () => number = Math.random): number {
  const plain = Math.min(baseMs * 2 ** (retry - 1), 30_000);
  return Math.round(plain * (0.8 + 0.4 * random()));
}

/** Milliseconds a Retry-After header asks for (delta-seconds or HTTP-date), undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
