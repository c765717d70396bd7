// A registry "across a network" for the benchmarks: a proxy adding a fixed delay to every answer, in its own process.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LatencyProxy {
  host: string;
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
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}
