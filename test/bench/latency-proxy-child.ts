// Child process for latency-proxy.ts: a TCP relay that delays every chunk by half the round-trip time in each
// direction, like a network between the client and a remote registry. It runs in its own process and parses
// nothing, so it costs the measured process no CPU and the machine very little. Args: UPSTREAM_URL RTT_MS.
import { connect, createServer } from 'node:net';

const [upstreamUrl, rtt] = process.argv.slice(2);
const upstream = new URL(upstreamUrl!);
const oneWayMs = Number(rtt) / 2;

const server = createServer((client) => {
  const registry = connect(Number(upstream.port), upstream.hostname);
  // Timers of equal duration fire in the order they were set, so the byte order is kept.
  const relay = (from: typeof client, to: typeof client) => {
    from.on('data', (chunk) => setTimeout(() => to.writable && to.write(chunk), oneWayMs));
    from.on('end', () => setTimeout(() => to.end(), oneWayMs));
    from.on('error', () => to.destroy());
  };
  relay(client, registry);
  relay(registry, client);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`127.0.0.1:${typeof address === 'object' && address ? address.port : 0}\n`);
});
// The parent closing our stdin (or dying) ends us.
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
