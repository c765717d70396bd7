// Runs the compiled kube-sbom with a preload that reports the process's peak resident set size when it exits.
import { runCli, type CliOptions, type CliResult } from './cli.js';

const MARK = 'KUBE_SBOM_PEAK_RSS_KB';
// VmHWM of /proc/self/status where there is one: getrusage's maxRSS carries over the parent's RSS at fork (Linux
// keeps the old mm's high-water mark across execve), so a parent holding 800 MB made every child read 900 MB.
const PRELOAD = `data:text/javascript,${encodeURIComponent(
  `import { readFileSync } from 'node:fs';
process.on('exit', () => {
  const u = process.resourceUsage();
  let kb = u.maxRSS;
  try { kb = Number(/^VmHWM:\\s+(\\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))[1]); } catch {}
  process.stderr.write('${MARK} ' + kb + ' ' + Math.round((u.userCPUTime + u.systemCPUTime) / 1000) + '\\n');
});`,
)}`;

export interface MeasuredRun extends CliResult {
  /** Peak RSS of the whole process, bytes. */
  peakRss: number;
  /** CPU time (user + system) of the process, milliseconds. */
  cpuMs: number;
}

export async function runCliMeasured(args: string[], options: CliOptions = {}): Promise<MeasuredRun> {
  const result = await runCli(args, { ...options, nodeArgs: ['--import', PRELOAD, ...(options.nodeArgs ?? [])] });
  const match = new RegExp(`${MARK} (\\d+) (\\d+)\\n`).exec(result.stderr);
  if (!match) throw new Error(`no peak RSS reported (exit ${result.code}): ${result.stderr.slice(0, 300)}`);
  return { ...result, stderr: result.stderr.replace(match[0], ''), peakRss: Number(match[1]) * 1024, cpuMs: Number(match[2]) };
}
