// Runs a command with no network but its own loopback: inside `unshare --net` (a fresh network namespace whose only
// interface is `lo`, brought up here), optionally with a docker-registry serving a test registry's storage on
// 127.0.0.1:PORT in there. Nothing outside the namespace (the internet, this host's addresses, even this host's
// loopback services) can be reached from inside; no library is patched.
import { spawn, spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cliPath, type CliResult } from './cli.js';

/** Why the offline tests cannot run here, or undefined when a network namespace can be made and lo brought up. */
export const netnsMissing: string | undefined = (() => {
  const probe = spawnSync('unshare', ['--net', '--', 'sh', '-c', 'ip link set lo up'], { encoding: 'utf8' });
  return probe.status === 0 ? undefined : `unshare --net / ip link set lo up failed here (needs root or user namespaces): ${probe.stderr.trim()}`;
})();

export interface NetnsRegistry {
  /** The storage folder of a test registry (TestRegistry.dir + '/data'), served read as it is. */
  dataDir: string;
  /** The port it listens on inside the namespace (the namespace's loopback is its own: any port is free there). */
  port: number;
  /** Where the config is written. */
  configPath: string;
}

// Brings lo up, starts the registry (if any) and waits for its port, runs the command, stops the registry.
const SCRIPT = `
ip link set lo up || { echo "netns: cannot bring lo up" >&2; exit 97; }
if [ -n "$NETNS_REGISTRY_CONFIG" ]; then
  docker-registry serve "$NETNS_REGISTRY_CONFIG" 2>/dev/null &
  registry=$!
  for i in $(seq 1 300); do (echo > /dev/tcp/127.0.0.1/$NETNS_REGISTRY_PORT) 2>/dev/null && break; sleep 0.05; done
fi
"$@"
rc=$?
[ -n "\${registry:-}" ] && kill "$registry" 2>/dev/null && wait "$registry" 2>/dev/null
exit $rc
`;

function registryConfig(r: NetnsRegistry): string {
  return `version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: ${r.dataDir}
  maintenance:
    uploadpurging:
      enabled: false
http:
  addr: 127.0.0.1:${r.port}
`;
}

/** Runs `argv` in a fresh network namespace; stdout, stderr and the exit code as runCli gives them. */
export async function runInNetns(argv: string[], options: { registry?: NetnsRegistry; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CliResult> {
  if (options.registry) await writeFile(options.registry.configPath, registryConfig(options.registry));
  return new Promise((resolve, reject) => {
    const child = spawn('unshare', ['--net', '--', 'bash', '-c', SCRIPT, 'netns', ...argv], {
      env: {
        ...process.env,
        NO_COLOR: '1',
        NETNS_REGISTRY_CONFIG: options.registry?.configPath ?? '',
        NETNS_REGISTRY_PORT: String(options.registry?.port ?? ''),
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code });
    });
  });
}

/** The kube-sbom bundle, run offline. */
export function runCliOffline(args: string[], options: { registry?: NetnsRegistry } = {}): Promise<CliResult> {
  return runInNetns([process.execPath, cliPath, ...args], options);
}

/** A registry config path inside `dir` for runInNetns. */
export function netnsRegistry(dataDir: string, dir: string, port: number): NetnsRegistry {
  return { dataDir, port, configPath: join(dir, 'netns-registry.yml') };
}
