// Registry credentials as Docker keeps them: $DOCKER_CONFIG/config.json (or ~/.docker/config.json), `auths`
// entries (base64 "user:password" or username/password) and credential helpers (credHelpers, credsStore) run as
// Docker runs them: `docker-credential-NAME get` with the host on stdin, JSON on stdout.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ioError } from '../common/errors.js';
import { sanitizeLine } from '../common/sanitize.js';

export interface Credentials {
  username: string;
  password: string;
}

export interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string }>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

/** Runs `docker-credential-NAME get` with `host` on stdin; undefined when the helper has nothing for it. */
export type HelperRunner = (helper: string, host: string) => Promise<Credentials | undefined>;

const HELPER_NAME = /^[A-Za-z0-9._-]+$/;
const MAX_CONFIG_BYTES = 1 << 20;

export function dockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.DOCKER_CONFIG || join(homedir(), '.docker'), 'config.json');
}

/** The config file, or an empty config when there is none (anonymous access). */
export async function readDockerConfig(path = dockerConfigPath()): Promise<DockerConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw ioError('DOCKER_CONFIG_UNREADABLE', `${path}: cannot read the Docker config (${(err as Error).message})`, err);
  }
  if (text.length > MAX_CONFIG_BYTES) throw ioError('DOCKER_CONFIG_UNREADABLE', `${path}: larger than 1 MiB; not a Docker config`);
  try {
    const doc = JSON.parse(text) as unknown;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error('not a JSON object');
    return doc as DockerConfig;
  } catch (err) {
    throw ioError('DOCKER_CONFIG_UNREADABLE', `${path}: not a JSON object (${(err as Error).message}); fix or move the file`, err);
  }
}

/** The host an `auths` key names: "https://index.docker.io/v1/" -> index.docker.io, "http://h:5000" -> h:5000. */
export function authsKeyHost(key: string): string {
  return key
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
}

function fromAuthsEntry(entry: { auth?: string; username?: string; password?: string }, where: string): Credentials | undefined {
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) throw ioError('DOCKER_CONFIG_UNREADABLE', `${where}: "auth" is not base64 of user:password`);
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (entry.username && entry.password) return { username: entry.username, password: entry.password };
  return undefined;
}

/**
 * The credentials for exactly `host` (host[:port]), or undefined: a helper named for the host, else the
 * credsStore, else the `auths` entry. Never the credentials of another host.
 */
export async function lookupCredentials(config: DockerConfig, host: string, runHelper: HelperRunner = runCredentialHelper): Promise<Credentials | undefined> {
  const wanted = host.toLowerCase();
  const helper = config.credHelpers?.[wanted] ?? Object.entries(config.credHelpers ?? {}).find(([k]) => authsKeyHost(k) === wanted)?.[1];
  const store = helper ?? config.credsStore;
  if (store) {
    const found = await runHelper(store, wanted);
    if (found || helper) return found;
  }
  for (const [key, entry] of Object.entries(config.auths ?? {})) {
    if (authsKeyHost(key) === wanted && entry) {
      const creds = fromAuthsEntry(entry, `Docker config auths["${sanitizeLine(key)}"]`);
      if (creds) return creds;
    }
  }
  return undefined;
}

/** Docker's helper protocol; "credentials not found" (exit 1 with that message) is no credentials, not a failure. */
export function runCredentialHelper(helper: string, host: string): Promise<Credentials | undefined> {
  if (!HELPER_NAME.test(helper)) return Promise.reject(ioError('CREDENTIAL_HELPER_FAILED', `credential helper name "${sanitizeLine(helper)}" is not valid`));
  const program = `docker-credential-${helper}`;
  return new Promise((resolve, reject) => {
    const child = spawn(program, ['get'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()).length > MAX_CONFIG_BYTES && child.kill());
    child.stderr.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-2000)));
    child.on('error', (e) => reject(ioError('CREDENTIAL_HELPER_FAILED', `${program}: cannot run it (${e.message}); install it or fix the Docker config`, e)));
    child.on('close', (code) => {
      if (code !== 0) {
        if (/credentials not found/i.test(out + err)) return resolve(undefined);
        // The helper's own words may hold secrets: only its exit code is reported.
        return reject(ioError('CREDENTIAL_HELPER_FAILED', `${program} get ${sanitizeLine(host)}: exited with code ${code}`));
      }
      try {
        const doc = JSON.parse(out) as { Username?: unknown; Secret?: unknown };
        if (typeof doc.Username !== 'string' || typeof doc.Secret !== 'string') throw new Error('no Username/Secret');
        if (doc.Username === '<token>') {
          return reject(ioError('CREDENTIAL_HELPER_FAILED', `${program}: gives an identity token for ${sanitizeLine(host)}, which kube-sbom does not support`));
        }
        resolve({ username: doc.Username, password: doc.Secret });
      } catch {
        reject(ioError('CREDENTIAL_HELPER_FAILED', `${program} get ${sanitizeLine(host)}: answer is not {"Username","Secret"} JSON`));
      }
    });
    child.stdin.on('error', () => {});
    child.stdin.end(host);
  });
}

/** A per-host lookup for the transport: the config is read once, each host asked at most once. */
export function dockerCredentials(path?: string, runHelper?: HelperRunner): (host: string) => Promise<Credentials | undefined> {
  let config: Promise<DockerConfig> | undefined;
  const cache = new Map<string, Promise<Credentials | undefined>>();
  return (host) => {
    config ??= readDockerConfig(path);
    let found = cache.get(host);
    if (!found) {
      found = config.then((c) => lookupCredentials(c, host, runHelper));
      cache.set(host, found);
    }
    return found;
  };
}
