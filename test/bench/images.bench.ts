// verify-images against a real local docker-registry: 25 signed images (a release's worth: 5 images x 5 arches)
// at the default concurrency against 1 image. Target: 25 images take under 3x the time of one.
// Three views, each with its 1-image baseline measured in the same run:
// - the whole command (`kube-sbom verify-images SBOM`), what a user or a CI job waits for;
// - the library in-process against the registry on loopback, where the registry shares our 2 cores;
// - the library in-process through a relay adding a 30 ms round trip, like a registry across a network.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { RemoteRegistry } from '../../src/registry/index.js';
import { parseTrustedRoot } from '../../src/sigstore/trusted-root.js';
import { DEFAULT_IMAGE_CONCURRENCY, verifyImages, type ImageToVerify } from '../../src/verify/verify-images.js';
import { cliPath } from '../helpers/cli.js';
import { GOOGLE_ISSUER, K8S_IMAGE_IDENTITY, getTestPki } from '../helpers/pki/index.js';
import { registryMissing, startRegistry } from '../helpers/registry.js';
import { pushSignedRelease, releaseSbom } from '../helpers/registry-sbom.js';
import { measure, type BenchRow, type BenchSuite, type Timing } from './harness.js';
import { startLatencyProxy } from './latency-proxy.js';

const NAMES = ['conformance', 'kube-apiserver', 'kube-controller-manager', 'kube-proxy', 'kube-scheduler'];
const ARCHES = ['amd64', 'arm', 'arm64', 'ppc64le', 's390x'];
const RTT_MS = 30;

/** CPU time (user + system) a process has used so far, from /proc (Linux); NaN where that cannot be read. */
function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    // Fields after the command name (which is in parentheses and may hold spaces): utime and stime are 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}
/** Linux reports process times in clock ticks; USER_HZ is 100 on every common configuration. */
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** Runs the real program to completion; rejects unless it exits 0 (every image verified). */
function runCommand(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`verify-images exited ${code}: ${stderr.trim()}`))));
  });
}

function pair(label: string, one: Timing, many: Timing, note = ''): BenchRow[] {
  const ratio = many.medianMs / one.medianMs;
  return [
    { case: `${label}: 1 image`, medianMs: one.medianMs, runs: one.runs, note: `min ${one.minMs.toFixed(1)} max ${one.maxMs.toFixed(1)}` },
    {
      case: `${label}: 25 images`,
      medianMs: many.medianMs,
      runs: many.runs,
      target: '< 3x one image',
      note: `${ratio.toFixed(2)}x one image (${ratio < 3 ? 'met' : 'missed'})${note ? `; ${note}` : ''}`,
    },
  ];
}

const suite: BenchSuite = {
  title: `verify-images: 25 signed images vs 1, local docker-registry, default concurrency ${DEFAULT_IMAGE_CONCURRENCY}`,
  async run(): Promise<BenchRow[]> {
    if (registryMissing) return [{ case: 'skipped', medianMs: 0, runs: 0, note: registryMissing }];
    const registry = await startRegistry();
    const dir = await mkdtemp(join(tmpdir(), 'kube-sbom-bench-images-'));
    try {
      const version = 'v1.99.0';
      const release = await pushSignedRelease({ url: registry.url }, version, NAMES, ARCHES);
      const pki = await getTestPki();
      const trustedRoot = parseTrustedRoot(pki.trustedRootText, 'test PKI');
      const policy = { identity: K8S_IMAGE_IDENTITY, issuer: GOOGLE_ISSUER };
      const all: ImageToVerify[] = release.images.map((i) => ({
        reference: `registry.k8s.io/${i.repository}:${version}`,
        platform: { os: 'linux', architecture: i.arch },
        layers: i.diffIds,
      }));

      // The whole command, as a user runs it: start, read the SBOM, verify, print the table.
      const rootFile = join(dir, 'trusted_root.json');
      await writeFile(rootFile, pki.trustedRootText);
      const sbomOne = join(dir, 'one.spdx');
      const sbomAll = join(dir, 'all.spdx');
      await writeFile(sbomOne, releaseSbom(version, release.images.slice(0, 1)));
      await writeFile(sbomAll, release.sbom);
      const command = (sbom: string) => () =>
        runCommand(['verify-images', sbom, '--trusted-root', rootFile, '--registry-mirror', `registry.k8s.io=${registry.host}`]);
      const cliOne = await measure(command(sbomOne), { runs: 7, warmup: 1 });
      const cliMany = await measure(command(sbomAll), { runs: 7, warmup: 1 });

      // The library in-process; a fresh client per run: no connection or token reuse across runs.
      const verifyAll = async (images: ImageToVerify[], host = registry.host) => {
        const source = new RemoteRegistry({ mirrors: { 'registry.k8s.io': host } });
        const run = await verifyImages(images, { source, trustedRoot, policy, checkSbomLayers: true });
        if (!run.verified) throw new Error(`benchmark images did not verify: ${run.images.find((r) => !r.verified)?.code}`);
      };
      const one = await measure(() => verifyAll(all.slice(0, 1)), { runs: 9, warmup: 2 });
      const many = await measure(() => verifyAll(all), { runs: 7, warmup: 1 });
      // What one image costs in CPU, ours and the registry's: on loopback both share this machine's cores, so
      // their sum over 25 images divided by the cores is a floor no concurrency can go under.
      const cpuStart = process.cpuUsage();
      const registryStart = processCpuMs(registry.pid);
      await verifyAll(all);
      const cpu = process.cpuUsage(cpuStart);
      const cpuPerImage = (cpu.user + cpu.system) / 1000 / all.length;
      const registryPerImage = (processCpuMs(registry.pid) - registryStart) / all.length;
      const cores = availableParallelism();
      const floorMs = ((cpuPerImage + registryPerImage) * all.length) / cores;

      const far = await startLatencyProxy(registry.url, RTT_MS);
      let oneFar: Timing;
      let manyFar: Timing;
      try {
        oneFar = await measure(() => verifyAll(all.slice(0, 1), far.host), { runs: 7, warmup: 1 });
        manyFar = await measure(() => verifyAll(all, far.host), { runs: 7, warmup: 1 });
      } finally {
        await far.close();
      }
      return [
        ...pair('whole command, loopback registry', cliOne, cliMany),
        ...pair('in-process, loopback registry', one, many, `${(many.medianMs / 25).toFixed(1)} ms per image; our CPU ${cpuPerImage.toFixed(1)} ms per image`),
        {
          case: 'in-process, loopback registry: CPU floor of the 25-image run',
          medianMs: floorMs,
          runs: 1,
          note: `(our ${cpuPerImage.toFixed(1)} + registry ${Number.isNaN(registryPerImage) ? '?' : registryPerImage.toFixed(1)} ms CPU per image) x 25 / ${cores} cores = ${(floorMs / one.medianMs).toFixed(1)}x one image before any waiting`,
        },
        ...pair(`in-process, registry ${RTT_MS} ms round trip away`, oneFar, manyFar),
      ];
    } finally {
      await registry.stop();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

export default suite;
