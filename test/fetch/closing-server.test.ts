// A plain HTTP/1.0 file server: each response is written at once and the connection closed. undici 6 asserted
// `!this.paused` (an uncaught exception) when that close met a body paused by a slower reader (nodejs/undici#5360).
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fetcher } from '../../src/fetch/index.js';
import { startRawServer, type RawServer } from '../helpers/raw-http-server.js';

const body = Buffer.alloc(8 * 1024 * 1024, 5);
const sha256 = createHash('sha256').update(body).digest('hex');
let server: RawServer;
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kube-sbom-close-'));
  server = await startRawServer((socket, path) => {
    // /sized announces the length; /eof is delimited by the close alone, as HTTP/1.0 allows.
    const length = path === '/sized' ? `Content-Length: ${body.length}\r\n` : '';
    socket.write(`HTTP/1.0 200 OK\r\n${length}Content-Type: application/octet-stream\r\n\r\n`);
    socket.end(body);
  });
});
afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

describe('a server that writes a large body and closes the connection', () => {
  it.each(['/sized', '/eof'])('downloads %s intact, again and again, with no uncaught exception', async (path) => {
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => uncaught.push(err);
    process.on('uncaughtException', onUncaught);
    const fetcher = new Fetcher({});
    try {
      for (let i = 0; i < 12; i++) {
        const got = await fetcher.fetch({ url: `${server.url}${path}`, label: `b${i}`, dir: work, maxBytes: 64 * 1024 * 1024, cache: 'none' });
        expect(got).toMatchObject({ size: body.length, sha256 });
        await rm(got.path);
      }
      // The assertion fired from a socket 'end' handler, a tick after the download resolved.
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      await fetcher.close();
      process.off('uncaughtException', onUncaught);
    }
    expect(uncaught).toEqual([]);
    expect(await readdir(work)).toEqual([]);
  });
});
