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

const suite: BenchSuite = {
  title: `verify-release CPU floor: the unavoidable passes over ${FILES} files of ${MIB} MiB, one thread`,
  async run(): Promise<BenchRow[]> {
    // 8 files of 20 MiB taken in turn: more bytes than the caches hold.
    const files = Array.from({ length: 8 }, (_, i) => Buffer.alloc(MIB * 1024 * 1024, 0x50 + i));
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const signatures = files.map((file) => sign('sha256', file, privateKey));
    let turn = 0;
    const next = () => turn++ % files.length;
    const passes: Array<[string, () => unknown]> = [
      ['SHA-256', () => createHash('sha256').update(files[next()]!).digest()],
      ['SHA-512', () => createHash('sha512').update(files[next()]!).digest()],
      [
        'ECDSA P-256 verify (the @sigstore/verify gate)',
        () => {
          const i = next();
          if (!verify('sha256', files[i]!, publicKey, signatures[i]!)) throw new Error('the bench signature does not verify');
        },
      ],
    ];
    const rows: BenchRow[] = [];
    let total = 0;
    for (const [name, pass] of passes) {
      const t = await measure(pass, { runs: 7, warmup: 1 });
      const all = t.medianMs * FILES;
      total += all;
      rows.push({ case: `${name}, ${FILES} x ${MIB} MiB`, medianMs: all, runs: t.runs, note: `${(MIB / (t.medianMs / 1000)).toFixed(0)} MiB/s` });
    }
    const cores = availableParallelism();
    rows.push({ case: `floor: their sum over ${cores} cores`, medianMs: total / cores, runs: 7, note: `${total.toFixed(0)} ms CPU in all` });
    return rows;
  },
};

export default suite;
