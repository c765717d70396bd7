// Parser benchmarks: the real Kubernetes and etcd SBOMs warm, a generated 100 MB document as tag-value (speed and
// peak memory in a child process) and as JSON (against plain JSON.parse), and the CLI as a whole process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DiagnosticSink } from '../../parsers/diagnostics.js';
import { parseSbom } from '../../parsers/index.js';
import { parseJsonDocument } from '../../parsers/json.js';
import { parseTagValueDocument } from '../../parsers/tag-value/index.js';
import { writeJson, writeTagValue } from './generate-sbom.js';
import { measure, median, type BenchRow, type BenchSuite } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '..', '..', '..');
const realdata = resolve(projectRoot, '..', 'shared', 'realdata');
const cli = resolve(projectRoot, 'dist', 'src', 'cli', 'main.js');
const MB = 1024 * 1024;

function realFileRows(label: string, path: string, target: string): Promise<BenchRow[]> {
  return (async () => {
    if (!existsSync(path)) return [{ case: label, medianMs: NaN, runs: 0, target, note: `skipped: ${path} absent` }];
    const bytes = readFileSync(path);
    const text = bytes.toString('utf8');
    const tv = await measure(() => parseTagValueDocument(text, new DiagnosticSink()), { runs: 21, warmup: 10 });
    const full = await measure(() => parseSbom(bytes), { runs: 21, warmup: 5 });
    const mbps = (ms: number) => `${(bytes.length / MB / (ms / 1000)).toFixed(0)} MB/s`;
    return [
      { case: `${label}: parseTagValueDocument (text)`, medianMs: tv.medianMs, runs: tv.runs, target, note: `${(bytes.length / 1024).toFixed(0)} KB, ${mbps(tv.medianMs)}` },
      { case: `${label}: parseSbom (bytes: decode + detect + parse)`, medianMs: full.medianMs, runs: full.runs, target, note: mbps(full.medianMs) },
    ];
  })();
}

function processTime(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0 && args.includes('inspect')) throw new Error(`kube-sbom exited ${r.status}: ${r.stderr}`);
    if (i > 0) times.push(performance.now() - start);
  }
  return median(times);
}

async function bigDocumentRows(dir: string): Promise<BenchRow[]> {
  const tvPath = join(dir, 'generated-100mb.spdx');
  const jsonPath = join(dir, 'generated-100mb.spdx.json');
  const count = writeTagValue(tvPath, 100 * MB);
  writeJson(jsonPath, count);
  const tvBytes = statSync(tvPath).size;
  const rows: BenchRow[] = [];

  const text = readFileSync(tvPath, 'utf8');
  const tv = await measure(() => parseTagValueDocument(text, new DiagnosticSink()), { runs: 3, warmup: 1 });
  rows.push({ case: '100 MB tag-value: parseTagValueDocument (text)', medianMs: tv.medianMs, runs: tv.runs, target: '>= 100 MB/s', note: `${(tvBytes / MB / (tv.medianMs / 1000)).toFixed(0)} MB/s, ${count} elements` });
  const bytes = readFileSync(tvPath);
  const full = await measure(() => parseSbom(bytes), { runs: 3, warmup: 1 });
  rows.push({ case: '100 MB tag-value: parseSbom (bytes, incl. UTF-8 decode)', medianMs: full.medianMs, runs: full.runs, target: '>= 100 MB/s', note: `${(tvBytes / MB / (full.medianMs / 1000)).toFixed(0)} MB/s` });

  const child = spawnSync(process.execPath, ['--expose-gc', join(here, 'parse-memory-child.js'), tvPath], { encoding: 'utf8' });
  if (child.status === 0) {
    const m = JSON.parse(child.stdout) as { peakRssGrowth: number; retainedHeap: number; errors: number };
    rows.push({
      case: '100 MB tag-value: peak RSS growth of read + parseSbom (child process)',
      medianMs: NaN,
      runs: 1,
      target: '< 4x file size',
      note: `${(m.peakRssGrowth / MB).toFixed(0)} MB = ${(m.peakRssGrowth / tvBytes).toFixed(2)}x; retained heap (text + model) ${(m.retainedHeap / MB).toFixed(0)} MB = ${(m.retainedHeap / tvBytes).toFixed(2)}x`,
    });
  } else {
    rows.push({ case: '100 MB tag-value: memory child', medianMs: NaN, runs: 0, note: `failed: ${child.stderr.split('\n')[0]}` });
  }

  const jsonText = readFileSync(jsonPath, 'utf8');
  const baseline = await measure(() => JSON.parse(jsonText), { runs: 3, warmup: 1 });
  const ours = await measure(() => parseJsonDocument(jsonText, new DiagnosticSink()), { runs: 3, warmup: 1 });
  const jsonMb = statSync(jsonPath).size / MB;
  rows.push({ case: `same document as JSON (${jsonMb.toFixed(0)} MB): JSON.parse baseline`, medianMs: baseline.medianMs, runs: baseline.runs });
  rows.push({ case: 'same document as JSON: parseJsonDocument', medianMs: ours.medianMs, runs: ours.runs, target: 'within 1.5x of JSON.parse', note: `${(ours.medianMs / baseline.medianMs).toFixed(2)}x JSON.parse` });
  return rows;
}

const suite: BenchSuite = {
  title: 'SPDX parsers (parsers/) and kube-sbom inspect',
  async run() {
    const rows: BenchRow[] = [];
    // Figures are wall-clock medians: on a shared machine they scale with its load, so the load is part of the table.
    rows.push({ case: 'machine: load average (1 min) / cores', medianMs: NaN, runs: 0, note: `${loadavg()[0]!.toFixed(1)} / ${cpus().length}` });
    rows.push(...(await realFileRows('k8s v1.25.4 release SBOM', join(realdata, 'k8s/release-sbom/kubernetes-v1.25.4-release.spdx'), '< 10 ms warm')));
    rows.push(...(await realFileRows('etcd v3.4.16 SBOM', join(realdata, 'k8s/bom-image-sbom/etcd-v3.4.16.spdx'), '< 30 ms')));

    const dir = mkdtempSync(join(tmpdir(), 'kube-sbom-bench-'));
    try {
      rows.push(...(await bigDocumentRows(dir)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    rows.push({ case: 'machine: load average (1 min) / cores, at the end', medianMs: NaN, runs: 0, note: `${loadavg()[0]!.toFixed(1)} / ${cpus().length}` });
    const bare = processTime(['-e', '0'], 7);
    rows.push({ case: 'node -e 0 (process start baseline)', medianMs: bare, runs: 7 });
    const k8s = join(realdata, 'k8s/release-sbom/kubernetes-v1.25.4-release.spdx');
    if (existsSync(k8s)) {
      const inspect = processTime([cli, 'inspect', k8s, '--json'], 7);
      rows.push({ case: 'kube-sbom inspect v1.25.4 --json (whole process)', medianMs: inspect, runs: 7, target: '< 250 ms', note: `${(inspect - bare).toFixed(0)} ms over bare node` });
    }
    const help = processTime([cli, '--help'], 7);
    rows.push({ case: 'kube-sbom --help (whole process)', medianMs: help, runs: 7, target: '< 300 ms', note: `${(help - bare).toFixed(0)} ms over bare node` });
    return rows;
  },
};

export default suite;
