// The CPU floor of verify-release over the release bench's bytes (40 x 20 MiB): the passes no implementation can
// skip (SHA-256 and SHA-512 for the published sums, one ECDSA P-256 signature verification, which hashes the bytes
// again inside OpenSSL) timed one after another on one thread, and that sum spread over this machine's cores.
import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { measure, type BenchRow, type BenchSuite } from './harness.js';

const FILES = Number(process.env.KUBE_SBOM_BENCH_RELEASE_FILES ?? 40);
const MIB = Number(process.env.KUBE_SBOM_BENCH_RELEASE_MIB ?? 20);

const suite: BenchSuite = {
  title: `verify-release CPU floor: the unavoidable passes over ${FILES} files of ${MIB} MiB, one thread`,
  async run(): Promise<BenchRow[]> {
    const file = Buffer.alloc(MIB * 1024 * 1024, 0x5a);
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const signature = sign('sha256', file, privateKey);
    const passes: Array<[string, () => unknown]> = [
      ['SHA-256', () => createHash('sha256').update(file).digest()],
      ['SHA-512', () => createHash('sha512').update(file).digest()],
      [
        'ECDSA P-256 verify (the @sigstore/verify gate)',
        () => {
          if (!verify('sha256', file, publicKey, signature)) throw new Error('the bench signature does not verify');
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
