// inspect, validate, outline and query take an http(s) URL where they take a file, and images, export, policy,
// verify-images and mirror where they take an SBOM file: downloaded through the fetch layer (size limit, one-line
// errors), read like the file, not verified, nothing left behind.
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realdata, realdataMissing, runCli } from '../helpers/cli.js';

describe.skipIf(realdataMissing)('document commands on a URL', () => {
  let server: Server;
  let base: string;
  let temp: string;
  const served = () => readFileSync(realdata('cyclonedx', 'trivy', 'centos-7-image.cdx-1.5.json'));

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/centos.cdx.json') res.writeHead(200, { 'content-type': 'application/json' }).end(served());
      else res.writeHead(404).end('not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    temp = await mkdtemp(join(tmpdir(), 'kube-sbom-url-documents-'));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(temp, { recursive: true, force: true });
  });
  const run = (args: string[]) => runCli(args, { env: { TMPDIR: temp } });

  it('answers as for the file itself, naming the URL, and leaves nothing in the temp folder', async () => {
    const url = `${base}/centos.cdx.json`;
    const local = realdata('cyclonedx', 'trivy', 'centos-7-image.cdx-1.5.json');
    const inspect = await run(['inspect', url, '--json']);
    expect(inspect.code, inspect.stderr).toBe(0);
    const fromFile = JSON.parse((await runCli(['inspect', local, '--json'])).stdout) as Record<string, unknown>;
    expect(JSON.parse(inspect.stdout)).toEqual({ ...fromFile, file: url });
    const validate = await run(['validate', url]);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stdout).toContain(`${url}: valid (cyclonedx-json`);
    const outline = await run(['outline', url]);
    expect(outline.stdout).toBe((await runCli(['outline', local])).stdout);
    const query = await run(['query', url, 'name:^bash$', '--fields', 'name,version']);
    expect(query.stdout.trim()).toBe('bash\t4.2.46-31.el7');
    expect(await readdir(temp)).toEqual([]);
  });

  it('images and export take the URL too; the export says where it came from and that it is not verified', async () => {
    const url = `${base}/centos.cdx.json`;
    const images = await run(['images', url]);
    expect(images.code, images.stderr).toBe(0);
    expect(images.stdout.trim()).toBe('ghcr.io/aquasecurity/trivy-test-images:centos-7');
    const exported = await run(['export', url, '--format', 'cyclonedx-json']);
    expect(exported.code, exported.stderr).toBe(0);
    const properties = (JSON.parse(exported.stdout) as { metadata: { properties: { name: string; value: string }[] } }).metadata.properties;
    expect(properties).toEqual(
      expect.arrayContaining([
        { name: 'kube-sbom:verification:status', value: 'not-verified' },
        { name: 'kube-sbom:verification:source-url', value: url },
      ]),
    );
    expect(await readdir(temp)).toEqual([]);
  });

  it('a URL that is not there, or too large, is one line and exit 3', async () => {
    const missing = await run(['inspect', `${base}/nope.json`]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/^kube-sbom: http:\/\/127\.0\.0\.1:\d+\/nope\.json: HTTP 404.*\[HTTP_NOT_FOUND\]\n$/);
    const large = await run(['validate', `${base}/centos.cdx.json`, '--max-size', '1KB']);
    expect(large.code).toBe(3);
    expect(large.stderr).toMatch(/more than the 1000 B limit.*\[DOWNLOAD_TOO_LARGE\]\n$/);
    expect(await readdir(temp)).toEqual([]);
  });
});
