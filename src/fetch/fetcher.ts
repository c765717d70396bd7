// The one door to remote bytes: picks file://, cache or network, enforces --offline, and remembers verified files.
import { join } from 'node:path';
import { ioError, usageError } from '../common/errors.js';
import type { Digests } from '../integrity/digest.js';
import { FetchCache } from './cache.js';
import { downloadToFile } from './download.js';
import type { ByteTap } from './sink.js';
import { createAgents, type HttpAgents } from './http-client.js';
import type { RequestInit } from './sources.js';
import { DEFAULT_FETCH_SETTINGS, type FetchEventListener, type FetchSettings } from './types.js';

export interface FetchRequest<T extends ByteTap = ByteTap> extends RequestInit {
  url: string;
  label: string;
  /** Folder the file is written to (a staging folder owned by the caller). */
  dir: string;
  /** File name inside dir; defaults to label. */
  fileName?: string;
  maxBytes: number;
  /** prefer: use an intact cached copy (immutable artifacts); refresh: download online, cache only offline; none: never cache. */
  cache: 'prefer' | 'refresh' | 'none';
  /** Cache key; defaults to the URL (a POST needs its own). */
  cacheKey?: string;
  /** Something else fed every byte of the file on its way in, from the cache as from the network: a fresh one per attempt. */
  tap?: () => T;
}

export interface FetchedFile<T extends ByteTap = ByteTap> extends Digests {
  url: string;
  label: string;
  path: string;
  source: 'network' | 'file' | 'cache';
  cacheKey: string;
  /** The request's tap that was fed exactly the bytes of this file. */
  tap?: T;
}

export interface FetcherOptions {
  settings?: Partial<FetchSettings>;
  /** Absent: no cache at all. */
  cacheDir?: string;
  offline?: boolean;
  onEvent?: FetchEventListener;
}

export class Fetcher {
  readonly settings: FetchSettings;
  readonly offline: boolean;
  private readonly cache?: FetchCache;
  private readonly agents: HttpAgents;
  private readonly onEvent?: FetchEventListener;

  constructor(options: FetcherOptions = {}) {
    this.settings = { ...DEFAULT_FETCH_SETTINGS, ...options.settings };
    this.offline = options.offline ?? false;
    this.cache = options.cacheDir === undefined ? undefined : new FetchCache(options.cacheDir);
    this.agents = createAgents();
    this.onEvent = options.onEvent;
  }

  async fetch<T extends ByteTap = ByteTap>(req: FetchRequest<T>): Promise<FetchedFile<T>> {
    const scheme = schemeOf(req.url);
    const path = join(req.dir, req.fileName ?? req.label);
    const key = req.cacheKey ?? req.url;
    const result = (digests: Digests & { tap?: T }, source: FetchedFile['source']): FetchedFile<T> => ({
      ...digests,
      url: req.url,
      label: req.label,
      path,
      source,
      cacheKey: key,
    });
    if (scheme === 'file') {
      return result(await downloadToFile({ ...req, dest: path }, this.context()), 'file');
    }
    const useCache = this.cache !== undefined && (this.offline || req.cache === 'prefer');
    if (useCache) {
      const cached = await this.cache!.read(key, path, req.maxBytes, req.tap);
      if (cached.hit) {
        this.onEvent?.({ type: 'download-done', url: req.url, label: req.label, bytes: cached.digests.size, source: 'cache' });
        return result(cached.tap ? { ...cached.digests, tap: cached.tap } : cached.digests, 'cache');
      }
      if (cached.corrupt) this.onEvent?.({ type: 'cache-corrupt', url: req.url, label: req.label, reason: cached.corrupt });
    }
    if (this.offline) {
      const where = this.cache ? `the cache (${this.cache.dir})` : 'a cache';
      throw ioError('OFFLINE_NOT_CACHED', `${req.url}: not in ${where} and --offline forbids downloading; run once online, or use a file:// mirror`);
    }
    return result(await downloadToFile({ ...req, dest: path }, this.context()), 'network');
  }

  /** Stores a fetched file in the cache; callers do this only once the file has been verified. */
  async remember(file: FetchedFile): Promise<void> {
    if (!this.cache || file.source !== 'network') return;
    await this.cache.write(file.cacheKey, file.path, file);
  }

  async close(): Promise<void> {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private context() {
    return { agents: this.agents, settings: this.settings, onEvent: this.onEvent };
  }
}

function schemeOf(url: string): 'http' | 'file' {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw usageError('URL_INVALID', `${url}: not a valid URL; give https://, http:// or file://`);
  }
  if (parsed.protocol === 'file:') return 'file';
  if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return 'http';
  throw usageError('URL_UNSUPPORTED', `${url}: unsupported scheme ${parsed.protocol}; give https://, http:// or file://`);
}
