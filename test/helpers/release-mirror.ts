// A loopback HTTP server serving a folder shaped like sbom.k8s.io (under /sbom), dl.k8s.io (under /dl) and the Rekor
// REST API (under /rekor), with faults injected per path: 5xx or 429 N times, truncated bodies, resets, stalls.
// Like the CDN behind dl.k8s.io it names each file's version with a strong ETag and serves `Range: bytes=N-` tails
// (206), guarded by If-Range.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join, normalize, sep } from 'node:path';

export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  /** Cut the body short; `then` runs once the bytes are out (to change the file before the client retries). */
  | { kind: 'truncate'; keepBytes?: number; then?: () => void }
  /** Serve only the first bytes, declared as the whole body (a mirror holding a cut-short copy). */
  | { kind: 'short'; keepBytes?: number }
  | { kind: 'reset'; afterBytes?: number }
  | { kind: 'stall'; afterBytes?: number }
  /** Accept the request and never answer, not even headers. */
  | { kind: 'hang' }
  /** Answer normally, but only after ms (recorded in requests when answered). */
  | { kind: 'delay'; ms: number };

export interface MirrorRequest {
  method: string;
  path: string;
  status: number | 'fault';
  /** The Range header asked with, if any. */
  range?: string;
}

/** What a request for a file is answered with before any fault: the whole file, or the tail a Range asked for. */
interface Answer {
  status: 200 | 206;
  headers: Record<string, string | number>;
  data: Buffer;
}

/**
 * Folder layout: `sbom/<version>/release{,.sha256,...}`, `dl/release/stable.txt`,
 * `dl/release/<version>/bin/<os>/<arch>/<name>{,.sig,...}`, and Rekor entries as
 * `rekor/entries/<uuid>.json` (the REST answer) with `rekor/by-hash/<sha256 hex>.json` (a JSON array of UUIDs).
 */
export class ReleaseMirror {
  readonly requests: MirrorRequest[] = [];
  /** Whether files carry an ETag and Accept-Ranges and Range requests are served (a plain server has neither). */
  ranges = true;
  private readonly faults = new Map<string, Fault[]>();
  private readonly sockets = new Set<Socket>();

  private constructor(
    readonly root: string,
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(root: string): Promise<ReleaseMirror> {
    let mirror: ReleaseMirror | undefined;
    const server = createServer((req, res) => void mirror!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    mirror = new ReleaseMirror(root, server, `http://127.0.0.1:${port}`);
    server.on('connection', (socket) => {
      mirror!.sockets.add(socket);
      socket.on('close', () => mirror!.sockets.delete(socket));
    });
    return mirror;
  }

  get sbomUrl(): string {
    return `${this.url}/sbom`;
  }
  get dlUrl(): string {
    return `${this.url}/dl`;
  }
  get rekorUrl(): string {
    return `${this.url}/rekor`;
  }

  /** Makes the next `times` requests for `path` (e.g. `/sbom/v1.25.4/release`) fail with `fault`. */
  inject(path: string, fault: Fault, times = 1): void {
    const queue = this.faults.get(path) ?? [];
    for (let i = 0; i < times; i++) queue.push(fault);
    this.faults.set(path, queue);
  }

  /** Requests seen for a path. */
  hits(path: string): number {
    return this.requests.filter((r) => r.path === path).length;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = decodeURIComponent(new URL(req.url ?? '/', this.url).pathname);
    const fault = this.faults.get(path)?.shift();
    const range = req.headers.range;
    try {
      const body = await this.content(req, path);
      if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
      const answer = body && this.answer(req, body);
      if (fault && fault.kind !== 'delay') return this.applyFault(fault, res, path, req.method ?? 'GET', answer, range);
      this.requests.push({ method: req.method ?? 'GET', path, status: answer ? answer.status : 404, ...(range ? { range } : {}) });
      if (!answer) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
        return;
      }
      res.writeHead(answer.status, answer.headers).end(answer.data);
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  }

  /** The whole file, or with a matching If-Range the tail `Range: bytes=N-` asks for (RFC 9110 14). */
  private answer(req: IncomingMessage, body: Buffer): Answer {
    const headers: Record<string, string | number> = { 'content-type': 'application/octet-stream' };
    if (!this.ranges) return { status: 200, headers: { ...headers, 'content-length': body.length }, data: body };
    headers['accept-ranges'] = 'bytes';
    headers.etag = `"${sha256Hex(body).slice(0, 32)}"`;
    const from = /^bytes=(\d+)-$/.exec(req.headers.range ?? '')?.[1];
    const ifRange = req.headers['if-range'];
    if (from === undefined || (ifRange !== undefined && ifRange !== headers.etag)) {
      return { status: 200, headers: { ...headers, 'content-length': body.length }, data: body };
    }
    const start = Number(from);
    const data = body.subarray(start);
    return { status: 206, headers: { ...headers, 'content-length': data.length, 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` }, data };
  }

  private applyFault(fault: Fault, res: ServerResponse, path: string, method: string, answer: Answer | undefined, range?: string): void {
    this.requests.push({ method, path, status: fault.kind === 'status' ? fault.status : 'fault', ...(range ? { range } : {}) });
    const data = answer?.data ?? Buffer.from('fault injected on a missing file\n');
    if (fault.kind === 'hang' || fault.kind === 'delay') return;
    if (fault.kind === 'status') {
      res.writeHead(fault.status, { 'content-type': 'text/plain', ...fault.headers }).end(`injected ${fault.status}\n`);
      return;
    }
    if (fault.kind === 'short') {
      const kept = data.subarray(0, fault.keepBytes ?? Math.floor(data.length / 2));
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': kept.length }).end(kept);
      return;
    }
    res.writeHead(answer?.status ?? 200, answer?.headers ?? { 'content-type': 'application/octet-stream', 'content-length': data.length });
    if (fault.kind === 'truncate') {
      res.write(data.subarray(0, fault.keepBytes ?? Math.floor(data.length / 2)), () => {
        fault.then?.();
        res.socket?.end();
      });
    } else if (fault.kind === 'reset') {
      res.write(data.subarray(0, fault.afterBytes ?? Math.floor(data.length / 2)), () => res.socket?.resetAndDestroy());
    } else {
      // stall: send some bytes, then nothing until the client gives up or the mirror closes.
      res.write(data.subarray(0, fault.afterBytes ?? Math.floor(data.length / 2)));
    }
  }

  /** The bytes for a path, or undefined for 404; POST to the Rekor index answers from rekor/by-hash/. */
  private async content(req: IncomingMessage, path: string): Promise<Buffer | undefined> {
    if (req.method === 'POST' && path === '/rekor/api/v1/index/retrieve') {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const hash = String((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { hash?: string }).hash ?? '');
      const hex = /^sha256:([0-9a-f]{64})$/.exec(hash)?.[1];
      if (!hex) return Buffer.from('[]');
      return (await this.readFile(`rekor/by-hash/${hex}.json`)) ?? Buffer.from('[]');
    }
    const entry = /^\/rekor\/api\/v1\/log\/entries\/([0-9a-f]+)$/.exec(path);
    if (entry) return this.readFile(`rekor/entries/${entry[1]}.json`);
    return this.readFile(path);
  }

  private async readFile(relative: string): Promise<Buffer | undefined> {
    const full = normalize(join(this.root, relative));
    if (!full.startsWith(this.root + sep)) return undefined;
    const info = await stat(full).catch(() => undefined);
    return info?.isFile() ? readFile(full) : undefined;
  }
}

/** sha256 hex of bytes, for naming rekor/by-hash files. */
export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
