// Public surface of fetch/.
export { Fetcher, type FetchedFile, type FetcherOptions, type FetchRequest } from './fetcher.js';
export { defaultCacheDir, FetchCache } from './cache.js';
export { DEFAULT_FETCH_SETTINGS, SIZE_LIMITS, formatBytes, type FetchEvent, type FetchEventListener, type FetchSettings } from './types.js';
