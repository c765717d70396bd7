// kube-sbom mirror against skopeo copy --all, both between two local docker-registry instances, in the same run:
// 10 signed images of 30 MB (3 layers of 10 MB) each, a fresh target registry for every run of either tool.
// kube-sbom also verifies each image before copying and again (signature, every layer re-read) from the target.
// Target: at most 1.0x skopeo's time; peak RSS flat in image size (10 MB images against 30 MB images).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getTestPki, signImageLegacy } from '../helpers/pki/index.js';
import { cliPath } from '../helpers/cli.js';
import { registryMissing, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { OCI_CONFIG, OCI_MANIFEST, pushBlob, pushLegacySignatures, pushManifest, sha256 } from '../helpers/registry-push.js';
import { median, type BenchRow, type BenchSuite } from './harness.js';

const IMAGES = 10;
const LAYERS = 3;
const RUNS = 5;
const MiB = 1024 * 1024;

/** Pushes IMAGES signed images of LAYERS random layers each; returns their registry.k8s.io references. */
async function pushImages(registry: TestRegistry, layerBytes: number, tag: string): Promise<string[]> {
  const target = { url: registry.url };
  const refs: string[] = [];
  for (let i = 0; i < IMAGES; i++) {
    const repo = `bench-${i}`;
    // Random bytes do not compress: the registry stores and serves exactly layerBytes per layer.
    const layers = Array.from({ length: LAYERS }, () => randomBytes(layerBytes));
    for (const layer of layers) await pushBlob(target, repo, layer);
    const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: layers.map(sha256) } }));
    await pushBlob(target, repo, config);
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: { mediaType: OCI_CONFIG, digest: sha256(config), size: config.length },
        layers: layers.map((l) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: sha256(l), size: l.length })),
      }),
    );
    const digest = await pushManifest(target, repo, tag, manifest, OCI_MANIFEST);
    await pushLegacySignatures(target, repo, digest, [await signImageLegacy(`registry.k8s.io/${repo}`, digest)]);
    refs.push(`registry.k8s.io/${repo}:${tag}`);
  }
  return refs;
}

/** CPU time (user + system) a process has used so far, from /proc (Linux). */
function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

interface Measured {
  wallMs: number;
  /** The tool's own CPU (user + system) and peak RSS, from GNU time. */
  cpuMs: number;
  rss: number;
}

/** Runs a command under GNU time; rejects unless it exits 0. */
function timed(cmd: string, args: string[]): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('/usr/bin/time', ['-f', 'BENCH-TIME %U %S %M', cmd, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    // 'close', not 'exit': the exit can come before the last of stderr (GNU time's line) has been read.
    child.on('close', (code) => {
      const wallMs = performance.now() - start;
      const m = /BENCH-TIME ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
      if (code !== 0 || !m) return reject(new Error(`${cmd} exited ${code}: ${stderr.trim().slice(-500)}`));
      resolve({ wallMs, cpuMs: (Number(m[1]) + Number(m[2])) * 1000, rss: Number(m[3]) * 1024 });
    });
  });
}

interface Sample {
  mirror: Measured & { registryCpuMs: number };
  skopeo: Measured & { registryCpuMs: number };
  skopeoParallelMs: number;
}

/** Each tool into a fresh target; `mirrorFirst` alternates which goes first, so neither always meets a warmer machine. */
async function sampleOnce(source: TestRegistry, refs: string[], dir: string, root: string, mirrorFirst: boolean): Promise<Sample> {
  const list = join(dir, 'images.txt');
  await writeFile(list, `${refs.join('\n')}\n`);
  /** The run in a fresh target, with the CPU both registries spent on it. */
  const fresh = async (fn: (target: TestRegistry) => Promise<Measured>): Promise<Measured & { registryCpuMs: number }> => {
    const target = await startRegistry();
    try {
      const before = processCpuMs(target.pid) + processCpuMs(source.pid);
      const m = await fn(target);
      return { ...m, registryCpuMs: processCpuMs(target.pid) + processCpuMs(source.pid) - before };
    } finally {
      await target.stop();
    }
  };
  const skopeo = (target: TestRegistry, ref: string) => {
    const path = ref.replace('registry.k8s.io/', '');
    return timed('skopeo', [
      'copy',
      '--all',
      '--quiet',
      '--src-tls-verify=false',
      '--dest-tls-verify=false',
      `docker://${source.host}/${path}`,
      `docker://${target.host}/${path}`,
    ]);
  };
  const runMirror = () =>
    fresh((target) =>
      timed(process.execPath, [
        cliPath,
        'mirror',
        '--from',
        list,
        '--to',
        target.host,
        '--trusted-root',
        root,
        '--registry-mirror',
        `registry.k8s.io=${source.host}`,
        '-q',
      ]),
    );
  const runSkopeo = () =>
    fresh(async (target) => {
      const start = performance.now();
      let cpuMs = 0;
      let rss = 0;
      for (const ref of refs) {
        const m = await skopeo(target, ref);
        cpuMs += m.cpuMs;
        rss = Math.max(rss, m.rss);
      }
      return { wallMs: performance.now() - start, cpuMs, rss };
    });
  const mirror = mirrorFirst ? await runMirror() : undefined;
  const sequential = await runSkopeo();
  const parallel = await fresh(async (target) => {
    const start = performance.now();
    await Promise.all(refs.map((ref) => skopeo(target, ref)));
    return { wallMs: performance.now() - start, cpuMs: Number.NaN, rss: Number.NaN };
  });
  return { mirror: mirror ?? (await runMirror()), skopeo: sequential, skopeoParallelMs: parallel.wallMs };
}

const suite: BenchSuite = {
  title: `mirror: ${IMAGES} signed images between two local docker-registry instances, against skopeo copy --all (medians of ${RUNS} runs)`,
  async run(): Promise<BenchRow[]> {
    if (registryMissing) throw new Error(registryMissing);
    if (spawnSync('sh', ['-c', 'command -v skopeo']).status !== 0) throw new Error('skopeo is not installed (apt-get install skopeo)');
    const dir = await mkdtemp(join(tmpdir(), 'kube-sbom-bench-mirror-'));
    const source = await startRegistry();
    const rows: BenchRow[] = [];
    try {
      const root = join(dir, 'trusted_root.json');
      await writeFile(root, (await getTestPki()).trustedRootText);
      const rss: Record<number, number> = {};
      for (const imageMiB of [10, 30]) {
        const refs = await pushImages(source, (imageMiB * MiB) / LAYERS, `v${imageMiB}`);
        const samples: Sample[] = [];
        for (let i = 0; i < RUNS; i++) samples.push(await sampleOnce(source, refs, dir, root, i % 2 === 0));
        const med = (f: (s: Sample) => number) => median(samples.map(f));
        const m = med((s) => s.mirror.wallMs);
        const seq = med((s) => s.skopeo.wallMs);
        const par = med((s) => s.skopeoParallelMs);
        rss[imageMiB] = med((s) => s.mirror.rss);
        const cpu = (x: Sample['mirror']) => `CPU ${(x.cpuMs / 1000).toFixed(2)} s + registries ${(x.registryCpuMs / 1000).toFixed(2)} s`;
        const total = `${IMAGES} x ${imageMiB} MB`;
        const cpuRatio = med((s) => (s.mirror.cpuMs + s.mirror.registryCpuMs) / (s.skopeo.cpuMs + s.skopeo.registryCpuMs));
        rows.push(
          {
            case: `skopeo copy --all, one image after another (${total})`,
            medianMs: seq,
            runs: RUNS,
            note: `baseline; ${cpu({ ...samples[0]!.skopeo, cpuMs: med((s) => s.skopeo.cpuMs), registryCpuMs: med((s) => s.skopeo.registryCpuMs) })}; peak RSS ${(med((s) => s.skopeo.rss) / MiB).toFixed(0)} MiB`,
          },
          { case: `skopeo copy --all, 10 at once (${total})`, medianMs: par, runs: RUNS, note: `${(par / seq).toFixed(2)}x sequential skopeo` },
          {
            case: `kube-sbom mirror, verify + copy + verify in target (${total})`,
            medianMs: m,
            runs: RUNS,
            target: imageMiB === 30 ? '<= 1.0x skopeo' : '',
            note:
              `${(m / seq).toFixed(2)}x sequential skopeo, ${(m / par).toFixed(2)}x parallel; ` +
              `${cpu({ ...samples[0]!.mirror, cpuMs: med((s) => s.mirror.cpuMs), registryCpuMs: med((s) => s.mirror.registryCpuMs) })} (${cpuRatio.toFixed(2)}x skopeo's); ` +
              `peak RSS ${(rss[imageMiB]! / MiB).toFixed(0)} MiB`,
          },
        );
      }
      rows.push({
        case: 'kube-sbom mirror peak RSS, 30 MB images against 10 MB images',
        medianMs: 0,
        runs: RUNS,
        target: 'flat (~1.0x)',
        note: `${(rss[30]! / rss[10]!).toFixed(2)}x (${(rss[10]! / MiB).toFixed(0)} MiB -> ${(rss[30]! / MiB).toFixed(0)} MiB)`,
      });
    } finally {
      await source.stop();
      await rm(dir, { recursive: true, force: true });
    }
    return rows;
  },
};

export default suite;
