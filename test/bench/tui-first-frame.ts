// Preloaded with `node --import` by the tui benchmark: when the terminal is first sent a frame containing the
// text in KUBE_SBOM_BENCH_FRAME_TEXT, records the process's CPU time and its own clock into KUBE_SBOM_BENCH_FRAME_FILE.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const file = process.env.KUBE_SBOM_BENCH_FRAME_FILE;
const text = process.env.KUBE_SBOM_BENCH_FRAME_TEXT;
if (file && text) {
  const write = process.stdout.write.bind(process.stdout) as (...args: unknown[]) => boolean;
  let seen = false;
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
    const result = write(chunk, ...rest);
    if (!seen && String(chunk).includes(text)) {
      seen = true;
      const { user, system } = process.cpuUsage();
      writeFileSync(file, JSON.stringify({ cpuMs: (user + system) / 1000, wallMs: performance.now() }));
    }
    return result;
  }) as typeof process.stdout.write;
}
export {};
