// A loopback Rekor API server for tests: POST /api/v1/index/retrieve and GET /api/v1/log/entries/{uuid}, shaped
// like rekor.sigstore.dev, with switchable faults (5xx, hanging, answers for other artifacts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RekorRestEntry } from './pki/index.js';

export type RekorFault = 'none' | 'http-500' | 'hang' | 'not-json';

export interface FakeRekor {
  url: string;
  /** Adds an entry, indexed by the sha256 its hashedrekord body records (or by `indexAs` instead). */
  add(entry: RekorRestEntry, indexAs?: string): void;
  fault: RekorFault;
  /** Requests seen, e.g. "POST /api/v1/index/retrieve". */
  requests: string[];
  close(): Promise<void>;
}

export async function startFakeRekor(): Promise<FakeRekor> {
  const entries = new Map<string, RekorRestEntry>();
  const index = new Map<string, string[]>();
  const hanging = new Set<ServerResponse>();
  const state: FakeRekor = {
    url: '',
    fault: 'none',
    requests: [],
    add(entry, indexAs) {
      const [uuid, value] = Object.entries(entry)[0]!;
      entries.set(uuid, entry);
      const body = JSON.parse(Buffer.from(value.body, 'base64').toString('utf8'));
      const key = indexAs ?? `sha256:${body.spec.data.hash.value}`;
      index.set(key, [...(index.get(key) ?? []), uuid]);
    },
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    state.requests.push(`${req.method} ${req.url}`);
    if (state.fault === 'hang') {
      hanging.add(res);
      return;
    }
    if (state.fault === 'http-500') return send(res, 500, { code: 500, message: 'error communicating with backend' });
    if (state.fault === 'not-json') return sendText(res, 200, '<html>proxy error</html>');
    if (req.method === 'POST' && req.url === '/api/v1/index/retrieve') {
      let hash: unknown;
      try {
        hash = JSON.parse(body).hash;
      } catch {
        return send(res, 400, { code: 400, message: 'invalid JSON' });
      }
      if (typeof hash !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(hash)) return send(res, 422, { code: 422, message: 'invalid hash' });
      return send(res, 200, index.get(hash) ?? []);
    }
    const match = /^\/api\/v1\/log\/entries\/([0-9a-f]{64,80})$/.exec(req.url ?? '');
    if (req.method === 'GET' && match) {
      const entry = entries.get(match[1]!);
      return entry ? send(res, 200, entry) : send(res, 404, { code: 404, message: 'entry not found' });
    }
    return send(res, 404, { code: 404, message: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function send(res: ServerResponse, status: number, value: unknown): void {
  sendText(res, status, JSON.stringify(value), 'application/json');
}

function sendText(res: ServerResponse, status: number, text: string, type = 'text/html'): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
