import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetryableError, isRetryableStatus, parseRetryAfter } from '../../src/fetch/retry.js';

describe('retry policy', () => {
  it('retries 5xx and 429 only', () => {
    expect([500, 502, 503, 504, 429].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 410, 301].some(isRetryableStatus)).toBe(false);
  });
  it('retries network failures, not local or DNS-name errors', () => {
    for (const code of ['ECONNRESET', 'ECONNREFUSED', 'CONNECT_TIMEOUT', 'HEADERS_TIMEOUT', 'BODY_TIMEOUT', 'DOWNLOAD_TOO_SLOW']) {
      expect(isRetryableError({ code }), code).toBe(true);
    }
    for (const code of ['ENOTFOUND', 'ENOENT', 'EACCES', 'DOWNLOAD_TOO_LARGE', undefined]) {
      expect(isRetryableError({ code }), String(code)).toBe(false);
    }
  });
  it('backs off exponentially with bounded jitter', () => {
    expect(backoffDelay(1, 500, () => 0.5)).toBe(500);
    expect(backoffDelay(3, 500, () => 0.5)).toBe(2000);
    expect(backoffDelay(2, 500, () => 0)).toBe(800);
    expect(backoffDelay(2, 500, () => 1)).toBe(1200);
    expect(backoffDelay(20, 500, () => 0.5)).toBe(30_000);
  });
  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
