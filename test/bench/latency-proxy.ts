// A registry "across a network" for the benchmarks: a proxy adding a fixed delay to every answer, in its own process.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LatencyProxy {
  host: string;
  /** CPU time (user + system) the proxy process has used so far, milliseconds. */
  cpuMs(): number;
  close(): Promise<void>;
}

export async function startLatencyProxy(upstreamUrl: string, delayMs: number): Promise<LatencyProxy> {
  const child = spawn(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'latency-proxy-child.js'), upstreamUrl, String(delayMs)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const host = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('\n')) resolve(out.trim());
    });
    child.once('exit', (code) => reject(new Error(`latency proxy exited (${code}) before listening`)));
  });
  return {
    host,
    cpuMs: () => processCpuMs(child.pid!),
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

/** utime + stime of a running process from /proc (Linux), in milliseconds. */
function processCpuMs(pid: number): number {
  // Fields after the parenthesised command name; utime and stime are the 14th and 15th of the line.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** USER_HZ: 100 on every Linux architecture Node supports. */
const CLOCK_TICKS_PER_SECOND = 100;
