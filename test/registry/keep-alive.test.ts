// HEAD requests keep their connection: a mirror checks every blob with HEAD, and a new connection (a TLS handshake
// on a real registry) per check costs both sides more than the check. Counted at a TCP relay in front of docker-registry.
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RemoteRegistry } from '../../src/registry/remote.js';
import { registryMissing, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { makeImage, pushImage, sha256 } from '../helpers/registry-push.js';

describe.skipIf(registryMissing)('registry connections', () => {
  let registry: TestRegistry;
  let relay: Server;
  let host: string;
  let connections = 0;
  const sockets = new Set<Socket>();
  const image = makeImage({ layers: 3 });

  beforeAll(async () => {
    registry = await startRegistry();
    await pushImage({ url: registry.url }, 'team/app', image, 'v1');
    const [upHost, upPort] = registry.host.split(':');
    relay = createServer((client) => {
      connections++;
      const upstream = connect(Number(upPort), upHost);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(relay.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => (relay ? relay.close(() => resolve()) : resolve()));
    await registry?.stop();
  });

  it('blob and manifest HEADs, one after another, reuse their connection', async () => {
    const client = new RemoteRegistry({ retries: 0 });
    const repo = { registry: host, repository: 'team/app' };
    const blobs = [image.config, ...image.layers.map((l) => l.blob)].map(sha256);
    connections = 0;
    const round = async () => {
      for (const digest of blobs) expect(await client.hasBlob(repo, digest)).toBe(true);
      expect(await client.hasBlob(repo, `sha256:${'0'.repeat(64)}`)).toBe(false);
      expect((await client.headManifest(repo, 'v1'))?.digest).toBe(image.digest);
    };
    await round();
    const first = connections;
    expect(first).toBeLessThanOrEqual(2);
    // 12 more HEADs open nothing new; undici's default closes after each HEAD, which would make that 12 connections.
    await round();
    await round();
    expect(connections).toBe(first);
  });
});
