// Settings and progress events shared by every download; the CLI progress bar and the UI both consume the events.

export interface FetchSettings {
  /** Time allowed to open a TCP/TLS connection. */
  connectTimeoutMs: number;
  /** Longest silence allowed while waiting for headers or between body chunks. */
  idleTimeoutMs: number;
  /** Retries after the first attempt, on network errors, 5xx and 429 only. */
  retries: number;
  /** First backoff delay; doubled each retry, with jitter. */
  retryBaseDelayMs: number;
  /** A Retry-After longer than this is not waited for: the download fails with a clear message. */
  maxRetryAfterMs: number;
  /** Overall deadline for one download: every attempt and every wait between them (--timeout). */
  timeoutMs: number;
  /** A body delivering fewer than `bytes` in any `windowMs` is abandoned (a trickle the idle timeout never sees). */
  minRate: { bytes: number; windowMs: number };
  userAgent: string;
}

export const DEFAULT_FETCH_SETTINGS: FetchSettings = {
  connectTimeoutMs: 15_000,
  idleTimeoutMs: 30_000,
  retries: 3,
  retryBaseDelayMs: 500,
  maxRetryAfterMs: 30_000,
  // 10 minutes: a 150 MB kube-apiserver at 256 KB/s still fits; hangs are cut far sooner by the idle and rate limits.
  timeoutMs: 600_000,
  // 1 KiB per 30 s is ~34 B/s: slower than any link that works (GPRS moves ~5 KB/s), faster than a stuck trickle.
  minRate: { bytes: 1024, windowMs: 30_000 },
  userAgent: 'kube-sbom',
};

export type FetchEvent =
  /** resumedAt: the bytes a cut-short attempt kept, which this one continues from. */
  | { type: 'download-start'; url: string; label: string; totalBytes?: number; attempt: number; resumedAt?: number }
  | { type: 'download-progress'; url: string; label: string; bytesDone: number; totalBytes?: number; bytesPerSecond: number }
  /** resumeFrom: the bytes kept, which the retry asks the server to continue from. */
  | { type: 'download-retry'; url: string; label: string; attempt: number; delayMs: number; reason: string; resumeFrom?: number }
  | { type: 'download-done'; url: string; label: string; bytes: number; source: 'network' | 'file' | 'cache' }
  | { type: 'cache-corrupt'; url: string; label: string; reason: string };

export type FetchEventListener = (event: FetchEvent) => void;

/** Byte limits per kind of artifact: every download has one. */
export const SIZE_LIMITS = {
  /** .sha256, .sha512, .sig, .cert, marker files. */
  small: 64 * 1024,
  /** Rekor entries. */
  rekorEntry: 1024 * 1024,
  /** The release SBOM (~250 KB today; the source SBOM is ~30 MB). */
  sbom: 256 * 1024 * 1024,
  /** Release binaries (kubelet, kube-apiserver are ~100-150 MB). */
  binary: 2 * 1024 * 1024 * 1024,
} as const;

export { formatBytes } from '../common/format-bytes.js';
