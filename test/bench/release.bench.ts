// verify-release of a generated release (40 files of 20 MiB, signed by the test PKI) from a loopback mirror behind a
// relay adding a 30 ms round trip, against curl downloading the same 40 files with the same parallelism (xargs -P)
// in the same run. Target: at most 1.3x curl's time with hashing and signature checks; peak RSS under 150 MB.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRelease } from '../helpers/generated-release.js';
import { runCliMeasured } from '../helpers/peak-rss.js';
import { ReleaseMirror } from '../helpers/release-mirror.js';
import { median, type BenchRow, type BenchSuite } from './harness.js';
import { startLatencyProxy } from './latency-proxy.js';

const FILES = Number(process.env.KUBE_SBOM_BENCH_RELEASE_FILES ?? 40);
const SIZE = Number(process.env.KUBE_SBOM_BENCH_RELEASE_MIB ?? 20) * 1024 * 1024;
const RTT_MS = 30;
const PARALLEL = 4;
const RUNS = Number(process.env.KUBE_SBOM_BENCH_RUNS ?? 3);
const MB = 1024 * 1024;

/** bin/linux/amd64/tool-00 ... : binaries, so `--all --only binaries` selects exactly these. */
const paths = Array.from({ length: FILES }, (_, i) => `bin/linux/amd64/tool-${String(i).padStart(2, '0')}`);

function run(command: string, args: string[], stdin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - start) : reject(new Error(`${command} exited ${code}: ${stderr.slice(0, 300)}`))));
    child.stdin.end(stdin ?? '');
  });
}

const suite: BenchSuite = {
  title: `verify-release: ${FILES} files of ${SIZE / MB} MiB over a loopback mirror with ${RTT_MS} ms round trip, vs curl (xargs -P ${PARALLEL})`,
  async run(): Promise<BenchRow[]> {
    const work = await mkdtemp(join(tmpdir(), 'kube-sbom-bench-release-'));
    const mirror = await (async () => {
      const release = await generateRelease(join(work, 'release'), { paths, size: SIZE });
      return { release, server: await ReleaseMirror.start(release.root) };
    })();
    const far = await startLatencyProxy(mirror.server.url, RTT_MS);
    const base = `http://${far.host}`;
    const version = mirror.release.version;
    try {
      const curlDir = join(work, 'curl');
      // `-o PATH URL` triples: xargs -n 3 gives each curl one file, -P the same parallelism as --concurrency.
      const list = paths.map((p, i) => `-o ${join(curlDir, String(i))} ${base}/dl/release/${version}/${p}`).join('\n');
      const curl = async () => {
        await rm(curlDir, { recursive: true, force: true });
        await mkdir(curlDir);
        return run('xargs', ['-P', String(PARALLEL), '-n', '3', 'curl', '-sf'], list);
      };
      const args = [
        'verify-release',
        version,
        ...['--sbom-url', `${base}/sbom`, '--dl-url', `${base}/dl`, '--rekor-url', `${base}/rekor`],
        ...['--trusted-root', mirror.release.trustedRootPath, '--no-cache', '--all', '--only', 'binaries', '--concurrency', String(PARALLEL), '--json'],
      ];
      const ours = async () => {
        const start = performance.now();
        const r = await runCliMeasured(args);
        const ms = performance.now() - start;
        if (r.code !== 0) throw new Error(`verify-release exited ${r.code}: ${r.stderr.slice(0, 300)}`);
        const report = JSON.parse(r.stdout) as { artifacts: unknown[] };
        if (report.artifacts.length !== FILES) throw new Error(`verify-release checked ${report.artifacts.length} files, not ${FILES}`);
        return { ms, rss: r.peakRss };
      };
      // One unmeasured round each warms the page cache and the relay; then alternate so drift hits both alike.
      await curl();
      await ours();
      const curlTimes: number[] = [];
      const ourTimes: number[] = [];
      const rss: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        curlTimes.push(await curl());
        const o = await ours();
        ourTimes.push(o.ms);
        rss.push(o.rss);
      }
      const c = median(curlTimes);
      const o = median(ourTimes);
      const ratio = o / c;
      // The target is in MB (10^6 bytes).
      const peak = Math.max(...rss) / 1e6;
      const totalMb = (FILES * SIZE) / MB;
      return [
        {
          case: `curl, ${FILES} files (xargs -P ${PARALLEL})`,
          medianMs: c,
          runs: RUNS,
          note: `${(totalMb / (c / 1000)).toFixed(0)} MiB/s; runs ${curlTimes.map((t) => t.toFixed(0)).join(', ')}`,
        },
        {
          case: `kube-sbom verify-release --all --only binaries --concurrency ${PARALLEL} (whole process)`,
          medianMs: o,
          runs: RUNS,
          target: '<= 1.3x curl; peak RSS < 150 MB',
          note: `${ratio.toFixed(2)}x curl (${ratio <= 1.3 ? 'met' : 'missed'}); peak RSS ${peak.toFixed(0)} MB (${peak < 150 ? 'met' : 'missed'}); runs ${ourTimes.map((t) => t.toFixed(0)).join(', ')}`,
        },
      ];
    } finally {
      await far.close();
      await mirror.server.close();
      await rm(work, { recursive: true, force: true });
    }
  },
};

export default suite;
