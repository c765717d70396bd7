// The CPU floor of verify-release over the release bench's bytes (40 x 20 MiB): the passes no implementation can
// skip (SHA-256 and SHA-512 for the published sums, one ECDSA P-256 signature verification, which hashes the bytes
// again inside OpenSSL) timed one after another on one thread, and that sum spread over this machine's cores.
// Each pass reads bytes no CPU cache holds, as a download's are: hardware SHA-256 is bound by memory, and over one
// buffer hashed again and again it measured about a third faster than over files in turn.
import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { measure, type BenchRow, type BenchSuite } from './harness.js';

const FILES = Number(process.env.KUBE_SBOM_BENCH_RELEASE_FILES ?? 40);
const MIB = Number(process.env.KUBE_SBOM_BENCH_RELEASE_MIB ?? 20);

export interface FloorPass {
  name: string;
  /** CPU for this pass over every file, ms (median of the runs, times the file count). */
  ms: number;
  runs: number;
  mibPerSecond: number;
}

/** Each unavoidable pass over `fileCount` files of `mib` MiB, timed on one thread. */
export async function floorPasses(fileCount: number, mib: number): Promise<FloorPass[]> {
  // 8 files taken in turn: more bytes than the caches hold.
  const files = Array.from({ length: 8 }, (_, i) => Buffer.alloc(mib * 1024 * 1024, 0x50 + i));
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const signatures = files.map((file) => sign('sha256', file, privateKey));
  let turn = 0;
  const next = () => turn++ % files.length;
  const passes: Array<[string, () => unknown]> = [
    ['SHA-256', () => createHash('sha256').update(files[next()]!).digest()],
    ['SHA-512', () => createHash('sha512').update(files[next()]!).digest()],
    [
      'ECDSA P-256 verify (the streamed signature check)',
      () => {
        const i = next();
        if (!verify('sha256', files[i]!, publicKey, signatures[i]!)) throw new Error('the bench signature does not verify');
      },
    ],
  ];
  const out: FloorPass[] = [];
  for (const [name, pass] of passes) {
    const t = await measure(pass, { runs: 7, warmup: 1 });
    out.push({ name, ms: t.medianMs * fileCount, runs: t.runs, mibPerSecond: mib / (t.medianMs / 1000) });
  }
  return out;
}

const suite: BenchSuite = {
  title: `verify-release CPU floor: the unavoidable passes over ${FILES} files of ${MIB} MiB, one thread`,
  async run(): Promise<BenchRow[]> {
    const passes = await floorPasses(FILES, MIB);
    const total = passes.reduce((sum, p) => sum + p.ms, 0);
    const cores = availableParallelism();
    return [
      ...passes.map((p) => ({ case: `${p.name}, ${FILES} x ${MIB} MiB`, medianMs: p.ms, runs: p.runs, note: `${p.mibPerSecond.toFixed(0)} MiB/s` })),
      { case: `floor: their sum over ${cores} cores`, medianMs: total / cores, runs: 7, note: `${total.toFixed(0)} ms CPU in all` },
    ];
  },
};

export default suite;
