// A loopback TCP server that answers HTTP by hand, for misbehaviour node:http would not produce: HTTP/1.0 bodies
// closed at once, trickles, answers that never come.
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface RawServer {
  url: string;
  /** Request lines seen, e.g. `GET /blob HTTP/1.1`. */
  requests: string[];
  close(): Promise<void>;
}

/** Calls `answer` once per request head; the socket is the answer's to write to and close. */
export async function startRawServer(answer: (socket: Socket, path: string) => void, host = '127.0.0.1'): Promise<RawServer> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      const line = head.slice(0, head.indexOf('\r\n'));
      requests.push(line);
      answer(socket, line.split(' ')[1] ?? '/');
    };
    socket.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
