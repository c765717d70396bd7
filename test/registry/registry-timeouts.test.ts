// A registry that stops mid-answer or never answers: one-line network errors, not undici's own or an internal error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RemoteRegistry, parseReference } from '../../src/registry/index.js';
import { startRawServer, type RawServer } from '../helpers/raw-http-server.js';

describe('registry waits', () => {
  let server: RawServer;
  beforeAll(async () => {
    server = await startRawServer((socket, path) => {
      // /v2/stall/...: headers and half a manifest, then nothing; anything else: never answered.
      if (path.startsWith('/v2/stall/'))
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/vnd.oci.image.manifest.v1+json\r\nContent-Length: 400\r\n\r\n{"schemaVersion":');
    });
  });
  afterAll(() => server.close());
  const client = () => new RemoteRegistry({ retries: 1, timeoutMs: 300, sleep: async () => {} });
  const host = () => server.url.slice('http://'.length);

  it('says a manifest stalled mid-body (REGISTRY_READ_FAILED)', async () => {
    const err = await client()
      .fetchManifest(parseReference(`${host()}/stall/app:v1`), 'v1')
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'REGISTRY_READ_FAILED',
      kind: 'io',
      message: `${host()}/v2/stall/app/manifests/v1: the answer stalled; check the network and try again`,
    });
  });

  it('says the registry gave no response within the wait, after the retries (REGISTRY_UNREACHABLE)', async () => {
    const started = Date.now();
    const err = await client()
      .fetchManifest(parseReference(`${host()}/silent/app:v1`), 'v1')
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'REGISTRY_UNREACHABLE', message: `${host()}: no response within 300ms (after 2 attempts); check the host and network` });
    // undici checks its timeouts on a ~1 s tick, so each 300 ms wait takes up to a second.
    expect(Date.now() - started).toBeLessThan(4000);
  });
});
