// kube-sbom mirror against skopeo copy --all, both between two local docker-registry instances, in the same run:
// 10 signed images of 30 MB (3 layers of 10 MB) each, a fresh target registry for every run of either tool.
// kube-sbom also verifies each image before copying and again (signature, every layer re-read) from the target.
// Target: at most 1.0x skopeo's time; peak RSS flat in image size (10 MB images against 30 MB images).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getTestPki, signImageLegacy } from '../helpers/pki/index.js';
import { runCliMeasured } from '../helpers/peak-rss.js';
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

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}: ${stderr.trim().slice(0, 500)}`))));
  });
}

interface Sample {
  mirrorMs: number;
  mirrorRss: number;
  skopeoMs: number;
  skopeoParallelMs: number;
}

async function sampleOnce(source: TestRegistry, refs: string[], dir: string, root: string): Promise<Sample> {
  const list = join(dir, 'images.txt');
  await writeFile(list, `${refs.join('\n')}\n`);
  const fresh = async <T>(fn: (target: TestRegistry) => Promise<T>): Promise<T> => {
    const target = await startRegistry();
    try {
      return await fn(target);
    } finally {
      await target.stop();
    }
  };
  const skopeo = (target: TestRegistry, ref: string) => {
    const path = ref.replace('registry.k8s.io/', '');
    return run('skopeo', [
      'copy',
      '--all',
      '--quiet',
      '--src-tls-verify=false',
      '--dest-tls-verify=false',
      `docker://${source.host}/${path}`,
      `docker://${target.host}/${path}`,
    ]);
  };
  const mirror = await fresh(async (target) => {
    const start = performance.now();
    const r = await runCliMeasured([
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
    ]);
    const ms = performance.now() - start;
    if (r.code !== 0) throw new Error(`mirror exited ${r.code}: ${r.stdout.slice(-500)} ${r.stderr.slice(0, 500)}`);
    return { ms, rss: r.peakRss };
  });
  const skopeoMs = await fresh(async (target) => {
    const start = performance.now();
    for (const ref of refs) await skopeo(target, ref);
    return performance.now() - start;
  });
  const skopeoParallelMs = await fresh(async (target) => {
    const start = performance.now();
    await Promise.all(refs.map((ref) => skopeo(target, ref)));
    return performance.now() - start;
  });
  return { mirrorMs: mirror.ms, mirrorRss: mirror.rss, skopeoMs, skopeoParallelMs };
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
        for (let i = 0; i < RUNS; i++) samples.push(await sampleOnce(source, refs, dir, root));
        const m = median(samples.map((s) => s.mirrorMs));
        const seq = median(samples.map((s) => s.skopeoMs));
        const par = median(samples.map((s) => s.skopeoParallelMs));
        rss[imageMiB] = median(samples.map((s) => s.mirrorRss));
        const total = `${IMAGES} x ${imageMiB} MB`;
        rows.push(
          { case: `skopeo copy --all, one image after another (${total})`, medianMs: seq, runs: RUNS, note: 'baseline' },
          { case: `skopeo copy --all, 10 at once (${total})`, medianMs: par, runs: RUNS, note: `${(par / seq).toFixed(2)}x sequential skopeo` },
          {
            case: `kube-sbom mirror, verify + copy + verify in target (${total})`,
            medianMs: m,
            runs: RUNS,
            target: imageMiB === 30 ? '<= 1.0x skopeo' : '',
            note: `${(m / seq).toFixed(2)}x sequential skopeo, ${(m / par).toFixed(2)}x parallel skopeo; peak RSS ${(rss[imageMiB]! / MiB).toFixed(0)} MiB`,
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
