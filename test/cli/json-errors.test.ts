// With --json, a run that cannot run or gets bad input still prints exactly one JSON document on stdout,
// {"error": {code, message, exitCode}}, and keeps its exit code: commander's usage errors, ours, missing files, network.
import { tmpdir } from 'node:os';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { getTestPki, signBlob, GOOGLE_ISSUER, K8S_BLOB_IDENTITY } from '../helpers/pki/index.js';

let dir: string;
let deadUrl: string;
let deadHost: string;
const f = (name: string) => join(dir, name);

/** A loopback port that was free a moment ago: connections to it are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kube-sbom-json-errors-'));
  const port = await closedPort();
  deadHost = `127.0.0.1:${port}`;
  deadUrl = `http://${deadHost}`;
  const blob = Buffer.from('a signed file\n');
  const signed = await signBlob(blob);
  await Promise.all([
    writeFile(f('blob'), blob),
    writeFile(f('blob.sig'), signed.signatureB64),
    writeFile(f('blob.cert'), signed.certificateB64),
    writeFile(f('trusted_root.json'), (await getTestPki()).trustedRootText),
  ]);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function expectJsonError(r: CliResult, code: string, exitCode: number): { code: string; message: string; exitCode: number } {
  expect(r.code).toBe(exitCode);
  const doc = JSON.parse(r.stdout) as { error: { code: string; message: string; exitCode: number } };
  expect(Object.keys(doc)).toEqual(['error']);
  expect(doc.error).toMatchObject({ code, exitCode });
  expect(doc.error.message).toMatch(/\S/);
  // The person at the terminal still gets the one line on stderr.
  expect(r.stderr).toMatch(/\S/);
  return doc.error;
}

const identity = ['--certificate-identity', K8S_BLOB_IDENTITY, '--certificate-oidc-issuer', GOOGLE_ISSUER];
const blobArgs = () => [f('blob'), '--signature', f('blob.sig'), '--certificate', f('blob.cert'), '--trusted-root', f('trusted_root.json'), ...identity];

/** Each command that has --json, with arguments that would otherwise be valid. */
const COMMANDS: [string, () => string[]][] = [
  ['inspect', () => ['inspect', f('blob')]],
  ['validate', () => ['validate', f('blob')]],
  ['outline', () => ['outline', f('blob')]],
  ['query', () => ['query', f('blob'), 'type:package']],
  ['images', () => ['images', f('blob')]],
  ['verify-sbom', () => ['verify-sbom', 'v1.29.0']],
  ['verify-binary', () => ['verify-binary', 'kubectl']],
  ['verify-blob', () => ['verify-blob', ...blobArgs()]],
  ['verify-image', () => ['verify-image', 'registry.k8s.io/pause:3.9']],
  ['verify-images', () => ['verify-images', f('blob')]],
  ['verify-release', () => ['verify-release', 'v1.29.0']],
  ['pin', () => ['pin', f('blob')]],
  ['check', () => ['check', f('blob'), '--policy', f('blob')]],
];

describe('--json usage errors from commander', () => {
  it.each(COMMANDS)('%s --frobnicate: UNKNOWN_OPTION, exit 2', async (_name, args) => {
    const r = await runCli([...args(), '--frobnicate', '--json']);
    expect(expectJsonError(r, 'UNKNOWN_OPTION', 2).message).toContain('--frobnicate');
  });

  it.each(['inspect', 'validate', 'outline', 'query', 'verify-binary', 'verify-blob', 'verify-image', 'pin'])(
    '%s without its argument: MISSING_ARGUMENT',
    async (name) => {
      expectJsonError(await runCli([name, '--json']), 'MISSING_ARGUMENT', 2);
    },
  );

  it.each([
    ['inspect', '--format'],
    ['validate', '--format'],
    ['outline', '--format'],
    ['query', '--format'],
    ['images', '--format'],
    ['inspect', '--input-format'],
    ['validate', '--input-format'],
    ['outline', '--input-format'],
    ['query', '--input-format'],
    ['images', '--input-format'],
  ])('%s %s with a bad choice: INVALID_ARGUMENT', async (name, flag) => {
    const args = COMMANDS.find(([n]) => n === name)![1]();
    expectJsonError(await runCli([...args, flag, 'zz', '--json']), 'INVALID_ARGUMENT', 2);
  });

  it('verify-image --output with a bad choice: INVALID_ARGUMENT', async () => {
    expectJsonError(await runCli(['verify-image', 'registry.k8s.io/pause:3.9', '--output', 'zz', '--json']), 'INVALID_ARGUMENT', 2);
  });

  it('--format json alone also asks for a JSON error', async () => {
    expectJsonError(await runCli(['query', f('blob'), 'type:package', '--format', 'json', '--frobnicate']), 'UNKNOWN_OPTION', 2);
  });

  it('without --json, stdout stays empty', async () => {
    const r = await runCli(['inspect', f('blob'), '--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});

describe('--json usage errors found by kube-sbom', () => {
  it.each([
    ['outline', ['outline', 'x', '--depth', 'deep'], 'OPTION_INVALID'],
    ['validate', ['validate', 'x', '--spdx-version', '2.3'], 'BAD_SPDX_VERSION'],
    ['inspect', ['inspect', 'x', '--max-size', 'lots'], 'BAD_SIZE'],
    ['verify-images', ['verify-images', 'x', '--concurrency', '0'], 'OPTION_INVALID'],
    ['verify-release', ['verify-release', 'v1.29.0', '--concurrency', '0'], 'OPTION_INVALID'],
    ['verify-release', ['verify-release', 'v1.29.0', '--os', 'plan9'], 'OPTION_INVALID'],
    ['verify-blob', ['verify-blob', 'x', '--rekor-timeout', 'never'], 'BAD_TIMEOUT'],
    ['images', ['images', 'x', '--keep-tag'], 'OPTION_INVALID'],
  ])('%s: %j', async (_name, args, code) => {
    const r = await runCli([...(args as string[]), '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe(code);
  });
});

describe('--json when a file is missing', () => {
  it.each(['inspect', 'validate', 'outline', 'images'])('%s /missing: FILE_NOT_FOUND, exit 3', async (name) => {
    expectJsonError(await runCli([name, f('missing.spdx'), '--json']), 'FILE_NOT_FOUND', 3);
  });

  it('query /missing: FILE_NOT_FOUND, exit 3', async () => {
    expectJsonError(await runCli(['query', f('missing.spdx'), 'type:package', '--json']), 'FILE_NOT_FOUND', 3);
  });

  it('verify-blob with a missing signed file: FILE_NOT_FOUND, exit 3', async () => {
    const [, ...rest] = blobArgs();
    expectJsonError(await runCli(['verify-blob', f('missing'), ...rest, '--offline', '--json']), 'FILE_NOT_FOUND', 3);
  });

  it('verify-images --from /missing: FILE_NOT_FOUND, exit 3', async () => {
    expectJsonError(await runCli(['verify-images', '--from', f('missing.txt'), '--json']), 'FILE_NOT_FOUND', 3);
  });

  it('verify-image --trusted-root /missing: FILE_NOT_FOUND, exit 3', async () => {
    expectJsonError(await runCli(['verify-image', `${deadHost}/team/app:v1`, '--trusted-root', f('missing.json'), '--json']), 'FILE_NOT_FOUND', 3);
  });
});

describe('--json when the network fails', () => {
  const mirrors = () => ['--sbom-url', deadUrl, '--dl-url', deadUrl, '--rekor-url', deadUrl, '--cache-dir', f('cache'), '--json'];

  it.each([
    ['verify-sbom', () => ['verify-sbom', 'v1.29.0', '--retries', '0']],
    ['verify-binary', () => ['verify-binary', 'kubectl', '--version', 'v1.29.0', '--os', 'linux', '--arch', 'amd64', '--retries', '0']],
    ['images', () => ['images', 'v1.29.0', '--retries', '0']],
    ['verify-images', () => ['verify-images', 'v1.29.0']],
    ['verify-release', () => ['verify-release', 'v1.29.0', '--os', 'linux', '--arch', 'amd64', '--retries', '0']],
  ])('%s against a closed port: NETWORK_ERROR, exit 3', async (_name, args) => {
    expectJsonError(await runCli([...args(), ...mirrors()]), 'NETWORK_ERROR', 3);
  });

  it('verify-sbom --offline with nothing cached: OFFLINE_NOT_CACHED, exit 3', async () => {
    expectJsonError(await runCli(['verify-sbom', 'v1.29.0', '--offline', '--cache-dir', f('empty-cache'), '--json']), 'OFFLINE_NOT_CACHED', 3);
  });

  it('verify-blob with Rekor unreachable: one JSON document, exit 3', async () => {
    const r = await runCli(['verify-blob', ...blobArgs(), '--rekor-url', deadUrl, '--rekor-timeout', '2', '--json']);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toBeTypeOf('object');
  });

  it('verify-image with the registry unreachable: one JSON report, exit 3', async () => {
    const r = await runCli(['verify-image', `${deadHost}/team/app:v1`, '--trusted-root', f('trusted_root.json'), '--json']);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({ verified: false, images: [{ code: 'REGISTRY_UNREACHABLE' }] });
  });
});
