// Runs the compiled kube-sbom with a preload that reports the process's peak resident set size when it exits.
import { runCli, type CliOptions, type CliResult } from './cli.js';

const MARK = 'KUBE_SBOM_PEAK_RSS_KB';
const PRELOAD = `data:text/javascript,${encodeURIComponent(`process.on('exit', () => process.stderr.write('${MARK} ' + process.resourceUsage().maxRSS + '\\n'));`)}`;

export interface MeasuredRun extends CliResult {
  /** Peak RSS of the whole process, bytes. */
  peakRss: number;
}

export async function runCliMeasured(args: string[], options: CliOptions = {}): Promise<MeasuredRun> {
  const result = await runCli(args, { ...options, nodeArgs: ['--import', PRELOAD, ...(options.nodeArgs ?? [])] });
  const match = new RegExp(`${MARK} (\\d+)\\n`).exec(result.stderr);
  if (!match) throw new Error(`no peak RSS reported (exit ${result.code}): ${result.stderr.slice(0, 300)}`);
  return { ...result, stderr: result.stderr.replace(match[0], ''), peakRss: Number(match[1]) * 1024 };
}
