// Credentials from the Docker config go only to the host they are configured for: a Basic challenge from that host
// gets them, a token service on the same host gets them, a token service or a redirect on another host never does.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RegistryTransport } from '../../src/registry/http.js';

interface Seen {
  path: string;
  authorization?: string;
}

type Handler = (req: IncomingMessage, base: string) => { status: number; headers?: Record<string, string>; body?: string };

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

async function serve(bindHost: string, handler: Handler): Promise<{ host: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  let base = '';
  const server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
    const answer = handler(req, base);
    res.writeHead(answer.status, answer.headers ?? {});
    res.end(answer.body ?? '');
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, bindHost, () => r()));
  const host = `${bindHost}:${(server.address() as AddressInfo).port}`;
  base = `http://${host}`;
  return { host, seen };
}

const basic = `Basic ${Buffer.from('user:secret').toString('base64')}`;

function transportFor(host: string): RegistryTransport {
  return new RegistryTransport({ retries: 0, credentials: async (h) => (h === host ? { username: 'user', password: 'secret' } : undefined) });
}

describe('credential scoping', () => {
  it('answers a Basic challenge from the configured host with its credentials', async () => {
    const registry = await serve('127.0.0.1', (req) =>
      req.headers.authorization === basic ? { status: 200, body: '{}' } : { status: 401, headers: { 'www-authenticate': 'Basic realm="r"' } },
    );
    const res = await transportFor(registry.host).request('GET', `http://${registry.host}/v2/x/manifests/y`, { maxBytes: 1024, scope: 'repository:x:pull' });
    expect(res.status).toBe(200);
    expect(registry.seen.map((s) => s.authorization)).toEqual([undefined, basic]);
  });

  it('a token service on the same host gets them; one on another host does not', async () => {
    const token = (req: IncomingMessage) => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: req.headers.authorization ? 'with-creds' : 'anonymous' }),
    });
    const other = await serve('127.0.0.2', (req) => token(req));
    for (const realmOnSameHost of [true, false]) {
      const registry = await serve('127.0.0.1', (req, base) => {
        if (req.url?.startsWith('/token')) return token(req);
        if (req.headers.authorization?.startsWith('Bearer ')) return { status: 200, body: req.headers.authorization };
        const realm = realmOnSameHost ? `${base}/token` : `http://${other.host}/token`;
        return { status: 401, headers: { 'www-authenticate': `Bearer realm="${realm}",service="s"` } };
      });
      const res = await transportFor(registry.host).request('GET', `http://${registry.host}/v2/x/manifests/y`, { maxBytes: 1024, scope: 'repository:x:pull' });
      expect(Buffer.from(res.body).toString()).toBe(realmOnSameHost ? 'Bearer with-creds' : 'Bearer anonymous');
    }
    expect(other.seen.length).toBe(1);
    expect(other.seen[0]!.authorization).toBeUndefined();
  });

  it('a redirect to another host carries no credentials', async () => {
    const storage = await serve('127.0.0.2', () => ({ status: 200, body: 'blob' }));
    const registry = await serve('127.0.0.1', (req): ReturnType<Handler> => {
      if (req.headers.authorization !== basic) return { status: 401, headers: { 'www-authenticate': 'Basic realm="r"' } };
      return { status: 307, headers: { location: `http://${storage.host}/blob` } };
    });
    const res = await transportFor(registry.host).request('GET', `http://${registry.host}/v2/x/blobs/sha256:1`, { maxBytes: 1024, scope: 'repository:x:pull' });
    expect(Buffer.from(res.body).toString()).toBe('blob');
    expect(storage.seen).toEqual([{ path: '/blob' }]);
  });
});
