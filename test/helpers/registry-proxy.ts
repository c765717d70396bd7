// An HTTP proxy in front of a test registry that can answer for it, alter its answers and record what it was sent:
// tampered manifests, 5xx/429 bursts, redirects to another host, and a plain "object storage" host for blobs.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  authorization?: string;
  /** The Range header, when the client asked for part of a blob. */
  range?: string;
}

export type ProxyDecision =
  | { respond: { status: number; headers?: Record<string, string>; body?: Uint8Array | string } }
  /** Forward, then replace the body (headers, Docker-Content-Digest included, are passed through unchanged). */
  | { tamper: (body: Buffer) => Buffer }
  /** Forward, send the headers (its full length) and this many body bytes of a 200 or 206, then close the connection: a copy cut mid-blob. */
  | { cutAfter: number }
  | undefined;

export interface TestProxy {
  host: string;
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);

async function listen(server: Server, bindHost: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, bindHost, () => resolve());
  });
  return `${bindHost}:${(server.address() as AddressInfo).port}`;
}

function closer(server: Server) {
  return () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}

function record(req: IncomingMessage, seen: SeenRequest[]): SeenRequest {
  const entry: SeenRequest = { method: req.method ?? 'GET', path: req.url ?? '/' };
  if (req.headers.authorization) entry.authorization = req.headers.authorization;
  if (req.headers.range) entry.range = req.headers.range;
  seen.push(entry);
  return entry;
}

/** Proxies every request to `upstream` (http://host:port) unless `decide` answers or tampers. */
export async function startProxy(
  upstream: string,
  decide: (req: SeenRequest) => ProxyDecision = () => undefined,
  bindHost = '127.0.0.1',
  /** Added before each answer: a registry across a network rather than on loopback. */
  delayMs = 0,
): Promise<TestProxy> {
  const seen: SeenRequest[] = [];
  const server = createServer(async (req, res) => {
    const entry = record(req, seen);
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
    try {
      const decision = decide(entry);
      if (decision && 'respond' in decision) {
        res.writeHead(decision.respond.status, decision.respond.headers ?? {});
        res.end(decision.respond.body ?? '');
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (!HOP_HEADERS.has(k) && typeof v === 'string') headers[k] = v;
      const upstreamRes = await fetch(`${upstream}${entry.path}`, {
        method: entry.method,
        headers,
        redirect: 'manual',
        ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
      });
      let body: Buffer = Buffer.from(await upstreamRes.arrayBuffer());
      if (decision && 'tamper' in decision && upstreamRes.status === 200) body = decision.tamper(body);
      const outHeaders: Record<string, string> = {};
      upstreamRes.headers.forEach((v, k) => {
        if (!HOP_HEADERS.has(k)) outHeaders[k] = v;
      });
      // Challenges and redirects must name the proxy, not the registry behind it.
      const location = upstreamRes.headers.get('location');
      if (location) outHeaders.location = location.replace(upstream, `http://${host}`);
      if (entry.method !== 'HEAD') outHeaders['content-length'] = String(body.length);
      else if (upstreamRes.headers.get('content-length')) outHeaders['content-length'] = upstreamRes.headers.get('content-length')!;
      res.writeHead(upstreamRes.status, outHeaders);
      if (decision && 'cutAfter' in decision && (upstreamRes.status === 200 || upstreamRes.status === 206) && entry.method === 'GET') {
        res.write(body.subarray(0, decision.cutAfter), () => res.destroy());
        return;
      }
      res.end(entry.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(502);
      res.end(String(err));
    }
  });
  const host = await listen(server, bindHost);
  return { host, url: `http://${host}`, seen, close: closer(server) };
}

/** A host that serves blobs by digest with no auth of its own, like object storage behind a registry's redirect. */
export async function startBlobStore(blobs: Map<string, Uint8Array>, bindHost = '127.0.0.2'): Promise<TestProxy> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const entry = record(req, seen);
    const digest = /\/blobs\/(sha256:[a-f0-9]{64})/.exec(entry.path)?.[1];
    const body = digest ? blobs.get(digest) : undefined;
    if (!body) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(body.byteLength) });
    res.end(body);
  });
  const host = await listen(server, bindHost);
  return { host, url: `http://${host}`, seen, close: closer(server) };
}
