// A real OCI registry for tests: Debian's docker-registry (CNCF distribution 2.8) on a free loopback port,
// with its own temp storage and config; optionally behind token auth served by test/helpers/registry-token.ts.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestRegistry {
  /** host:port, e.g. 127.0.0.1:40123 (what goes into image references). */
  host: string;
  url: string;
  dir: string;
  /** The docker-registry process (benchmarks read its CPU time). */
  pid: number | undefined;
  stop(): Promise<void>;
}

export interface RegistryOptions {
  /** Token auth: the registry answers 401 with a Bearer challenge pointing at this realm. */
  tokenAuth?: { realm: string; service: string; issuer: string; rootCertPem: string };
  /** Basic auth: htpasswd lines (user:bcrypt-hash); the registry answers 401 with a Basic challenge. */
  htpasswd?: string;
}

/** Why the registry tests cannot run here, or undefined when docker-registry is installed. */
export const registryMissing: string | undefined =
  spawnSync('sh', ['-c', 'command -v docker-registry'], { encoding: 'utf8' }).status === 0
    ? undefined
    : 'docker-registry is not installed (apt-get install docker-registry; .ci/run does it)';

export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function configYaml(dir: string, addr: string, options: RegistryOptions): string {
  const auth = options.tokenAuth
    ? `auth:
  token:
    realm: ${options.tokenAuth.realm}
    service: ${options.tokenAuth.service}
    issuer: ${options.tokenAuth.issuer}
    rootcertbundle: ${join(dir, 'token-root.pem')}
`
    : options.htpasswd
      ? `auth:
  htpasswd:
    realm: kube-sbom-test
    path: ${join(dir, 'htpasswd')}
`
      : '';
  return `version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: ${join(dir, 'data')}
  delete:
    enabled: true
  maintenance:
    uploadpurging:
      enabled: false
http:
  addr: ${addr}
${auth}`;
}

async function waitReady(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited (${child.exitCode}): ${stderr()}`);
    try {
      const res = await fetch(`${url}/v2/`);
      await res.body?.cancel();
      if (res.status === 200 || res.status === 401) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`docker-registry did not start within 15 s: ${stderr()}`);
}

export async function startRegistry(options: RegistryOptions = {}): Promise<TestRegistry> {
  const dir = await mkdtemp(join(tmpdir(), 'kube-sbom-registry-'));
  if (options.tokenAuth) await writeFile(join(dir, 'token-root.pem'), options.tokenAuth.rootCertPem);
  if (options.htpasswd) await writeFile(join(dir, 'htpasswd'), options.htpasswd);
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const host = `127.0.0.1:${port}`;
    await writeFile(join(dir, 'config.yml'), configYaml(dir, host, options));
    const child = spawn('docker-registry', ['serve', join(dir, 'config.yml')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let errText = '';
    child.stderr!.on('data', (chunk: Buffer) => (errText = (errText + chunk.toString()).slice(-4000)));
    try {
      await waitReady(`http://${host}`, child, () => errText);
    } catch (err) {
      child.kill('SIGKILL');
      if (attempt < 2 && /address already in use/.test(errText)) continue;
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
    return {
      host,
      url: `http://${host}`,
      dir,
      pid: child.pid,
      async stop() {
        if (child.exitCode === null) {
          const exited = new Promise((r) => child.once('exit', r));
          child.kill('SIGTERM');
          await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
          if (child.exitCode === null) child.kill('SIGKILL');
        }
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
}
