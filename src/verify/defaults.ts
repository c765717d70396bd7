// Defaults shared by the image commands and the UI; a tiny module so `--help` does not load verification code.

/**
 * Images verified at once. Verifying one image is four round trips of small requests, so a release's 25 images
 * take two rounds instead of four against a distant registry; with 2-3 requests each that stays within the
 * transport's 32 requests in flight to one registry (src/registry/http.ts).
 */
export const DEFAULT_IMAGE_CONCURRENCY = 16;

/**
 * --timeout: one download (all its retries) or one image may take this long. 10 minutes lets a 150 MB binary through
 * at 256 KB/s; hangs are cut far sooner by the idle timeout and the minimum rate.
 */
export const DEFAULT_TIMEOUT = '10m';
export const DEFAULT_TIMEOUT_MS = 600_000;
