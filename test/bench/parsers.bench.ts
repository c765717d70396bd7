// Parser benchmarks: the real Kubernetes and etcd SBOMs warm, a generated 100 MB document as tag-value (speed and
// peak memory in a child process) and as JSON (against plain JSON.parse), and the CLI as a whole process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { constants as perfConstants, performance, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSink } from '../../parsers/diagnostics.js';
import { parseSbom } from '../../parsers/index.js';
import { parseJsonDocument } from '../../parsers/json.js';
import { parseTagValueDocument } from '../../parsers/tag-value/index.js';
import { writeJson, writeTagValue } from './generate-sbom.js';
import { measure, median, settleHeap, type BenchRow, type BenchSuite } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '..', '..', '..');
const realdata = resolve(projectRoot, '..', 'shared', 'realdata');
const cli = resolve(projectRoot, 'dist', 'bundle', 'kube-sbom.mjs');
const MB = 1024 * 1024;

function realFileRows(label: string, path: string, target: string): Promise<BenchRow[]> {
  return (async () => {
    if (!existsSync(path)) return [{ case: label, medianMs: NaN, runs: 0, target, note: `skipped: ${path} absent` }];
    const bytes = readFileSync(path);
    const text = bytes.toString('utf8');
    const tv = await measure(() => parseTagValueDocument(text, new DiagnosticSink()), { runs: 21, warmup: 10 });
    const full = await measure(() => parseSbom(bytes), { runs: 21, warmup: 5 });
    const mbps = (ms: number) => `${(bytes.length / MB / (ms / 1000)).toFixed(0)} MB/s`;
    const cpu = cpuMs(() => parseTagValueDocument(text, new DiagnosticSink()), 21);
    return [
      {
        case: `${label}: parseTagValueDocument (text)`,
        medianMs: tv.medianMs,
        runs: tv.runs,
        target,
        note: `${(bytes.length / 1024).toFixed(0)} KB, ${mbps(tv.medianMs)}; cpu ${cpu.toFixed(2)} ms (${mbps(cpu)})`,
      },
      { case: `${label}: parseSbom (bytes: decode + detect + parse)`, medianMs: full.medianMs, runs: full.runs, target, note: mbps(full.medianMs) },
    ];
  })();
}

const cpuReport = pathToFileURL(join(here, 'cpu-report.js')).href;

/** Median wall time and median whole-process CPU time (user + system, from the preloaded cpu-report module). */
function processTime(args: string[], runs: number): { wall: number; cpu: number } {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, ['--import', cpuReport, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0 && args.includes('inspect')) throw new Error(`kube-sbom exited ${r.status}: ${r.stderr}`);
    if (i === 0) continue;
    times.push(performance.now() - start);
    cpu.push(Number(/KUBE_SBOM_BENCH_CPU_MS ([\d.]+)/.exec(r.stderr)?.[1] ?? Number.NaN));
  }
  return { wall: median(times), cpu: median(cpu) };
}

/** CPU time (user + system, all threads) of one in-process run, median of `runs`: less disturbed by other load than wall time. */
function cpuMs(fn: () => unknown, runs: number): number {
  const values: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    fn();
    const d = process.cpuUsage(before);
    values.push((d.user + d.system) / 1000);
  }
  return median(values);
}

interface ResourceUse {
  userMs: number;
  systemMs: number;
  minorFaults: number;
  /** Pauses of the collector inside the run: young generation (scavenges) and full collections (mark-compact). */
  scavengeMs: number;
  markCompactMs: number;
}

/** CPU time by kind (all threads), minor page faults and GC pauses of one run from a settled heap, medians of `runs`. */
async function resourcesOf(fn: () => unknown, runs: number): Promise<ResourceUse> {
  const samples: ResourceUse[] = [];
  let pauses: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => pauses.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  try {
    for (let i = 0; i < runs; i++) {
      await settleHeap();
      pauses = [];
      const before = process.resourceUsage();
      const start = performance.now();
      fn();
      const end = performance.now();
      const after = process.resourceUsage();
      // GC entries arrive on a later turn of the event loop.
      await new Promise((resolve) => setTimeout(resolve, 20));
      const inRun = pauses.filter((p) => p.startTime >= start && p.startTime <= end);
      const pauseMs = (kinds: number[]) => inRun.filter((p) => kinds.includes(gcKind(p))).reduce((sum, p) => sum + p.duration, 0);
      samples.push({
        userMs: (after.userCPUTime - before.userCPUTime) / 1000,
        systemMs: (after.systemCPUTime - before.systemCPUTime) / 1000,
        minorFaults: after.minorPageFault - before.minorPageFault,
        scavengeMs: pauseMs([perfConstants.NODE_PERFORMANCE_GC_MINOR]),
        markCompactMs: pauseMs([perfConstants.NODE_PERFORMANCE_GC_MAJOR, perfConstants.NODE_PERFORMANCE_GC_INCREMENTAL]),
      });
    }
  } finally {
    observer.disconnect();
  }
  const medianOf = (key: keyof ResourceUse) => median(samples.map((u) => u[key]));
  return {
    userMs: medianOf('userMs'),
    systemMs: medianOf('systemMs'),
    minorFaults: medianOf('minorFaults'),
    scavengeMs: medianOf('scavengeMs'),
    markCompactMs: medianOf('markCompactMs'),
  };
}

/** The kind of a 'gc' performance entry (NODE_PERFORMANCE_GC_*), kept in its detail. */
function gcKind(entry: PerformanceEntry): number {
  return (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? -1;
}

function describeUse(u: ResourceUse): string {
  return `cpu: user ${u.userMs.toFixed(0)} ms, system ${u.systemMs.toFixed(0)} ms (${u.minorFaults} minor page faults); GC pauses: scavenge ${u.scavengeMs.toFixed(0)} ms, mark-compact ${u.markCompactMs.toFixed(0)} ms`;
}

/**
 * The machine's cost of memory a process touches for the first time (page faults: the kernel maps and zeroes each
 * page): every parse that builds a large model pays it for the model's pages, so it is part of the table.
 */
function firstTouchRow(): BenchRow {
  const times: number[] = [];
  const systems: number[] = [];
  for (let i = 0; i < 5; i++) {
    const before = process.resourceUsage();
    const start = performance.now();
    Buffer.alloc(100 * MB).fill(1);
    times.push(performance.now() - start);
    systems.push((process.resourceUsage().systemCPUTime - before.systemCPUTime) / 1000);
  }
  const ms = median(times);
  return {
    case: 'machine: first write to 100 MB of fresh memory (Buffer.alloc + fill)',
    medianMs: ms,
    runs: 5,
    note: `${(100 / (ms / 1000)).toFixed(0)} MB/s; system cpu ${median(systems).toFixed(0)} ms: the page-fault cost any 100 MB model pays`,
  };
}

async function bigDocumentRows(dir: string): Promise<BenchRow[]> {
  const tvPath = join(dir, 'generated-100mb.spdx');
  const jsonPath = join(dir, 'generated-100mb.spdx.json');
  const count = writeTagValue(tvPath, 100 * MB);
  writeJson(jsonPath, count);
  const tvBytes = statSync(tvPath).size;
  const rows: BenchRow[] = [firstTouchRow()];

  const text = readFileSync(tvPath, 'utf8');
  // Every large run starts from a collected heap (settle), or it would also pay for the previous run's model.
  const big = { runs: 5, warmup: 2, settle: true };
  const tv = await measure(() => parseTagValueDocument(text, new DiagnosticSink()), big);
  const tvUse = await resourcesOf(() => parseTagValueDocument(text, new DiagnosticSink()), 5);
  rows.push({
    case: '100 MB tag-value: parseTagValueDocument (text)',
    medianMs: tv.medianMs,
    runs: tv.runs,
    target: '>= 100 MB/s',
    note: `${(tvBytes / MB / (tv.medianMs / 1000)).toFixed(0)} MB/s wall; ${describeUse(tvUse)}; ${count} elements`,
  });
  const bytes = readFileSync(tvPath);
  const full = await measure(() => parseSbom(bytes), big);
  rows.push({
    case: '100 MB tag-value: parseSbom (bytes, incl. UTF-8 decode)',
    medianMs: full.medianMs,
    runs: full.runs,
    target: '>= 100 MB/s',
    note: `${(tvBytes / MB / (full.medianMs / 1000)).toFixed(0)} MB/s`,
  });

  const child = spawnSync(process.execPath, ['--expose-gc', join(here, 'parse-memory-child.js'), tvPath], { encoding: 'utf8' });
  if (child.status === 0) {
    const m = JSON.parse(child.stdout) as { peakRssGrowth: number; retainedHeap: number; parseMs: number; errors: number };
    rows.push({
      case: '100 MB tag-value: parseSbom once in a fresh process (child; cold code, growing heap)',
      medianMs: m.parseMs,
      runs: 1,
      note: `${(tvBytes / MB / (m.parseMs / 1000)).toFixed(0)} MB/s; what \`kube-sbom inspect\` on this file spends parsing`,
    });
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
  const baseline = await measure(() => JSON.parse(jsonText), big);
  const baselineUse = await resourcesOf(() => JSON.parse(jsonText), 5);
  const ours = await measure(() => parseJsonDocument(jsonText, new DiagnosticSink()), big);
  const jsonMb = statSync(jsonPath).size / MB;
  rows.push({
    case: `same document as JSON (${jsonMb.toFixed(0)} MB): JSON.parse baseline`,
    medianMs: baseline.medianMs,
    runs: baseline.runs,
    note: `${(jsonMb / (baseline.medianMs / 1000)).toFixed(0)} MB/s: the machine's yardstick; tag-value above at ${(tvBytes / MB / (tv.medianMs / 1000) / (jsonMb / (baseline.medianMs / 1000))).toFixed(2)}x its MB/s; ${describeUse(baselineUse)}`,
  });
  const freshJson = spawnSync(process.execPath, ['--expose-gc', join(here, 'parse-memory-child.js'), jsonPath, 'json-parse'], { encoding: 'utf8' });
  if (freshJson.status === 0) {
    const m = JSON.parse(freshJson.stdout) as { parseMs: number };
    rows.push({
      case: 'same document as JSON: JSON.parse once in a fresh process (child)',
      medianMs: m.parseMs,
      runs: 1,
      note: `${(jsonMb / (m.parseMs / 1000)).toFixed(0)} MB/s: the yardstick for the fresh tag-value row`,
    });
  }
  rows.push({
    case: 'same document as JSON: parseJsonDocument',
    medianMs: ours.medianMs,
    runs: ours.runs,
    target: 'within 1.5x of JSON.parse',
    note: `${(ours.medianMs / baseline.medianMs).toFixed(2)}x JSON.parse`,
  });
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
    rows.push({ case: 'node -e 0 (process start baseline)', medianMs: bare.wall, runs: 7, note: `cpu ${bare.cpu.toFixed(0)} ms` });
    const k8s = join(realdata, 'k8s/release-sbom/kubernetes-v1.25.4-release.spdx');
    if (existsSync(k8s)) {
      const inspect = processTime([cli, 'inspect', k8s, '--json'], 7);
      rows.push({
        case: 'kube-sbom inspect v1.25.4 --json (whole process)',
        medianMs: inspect.wall,
        runs: 7,
        target: '< 250 ms',
        note: `${(inspect.wall - bare.wall).toFixed(0)} ms over bare node; cpu ${inspect.cpu.toFixed(0)} ms (${(inspect.cpu - bare.cpu).toFixed(0)} over bare)`,
      });
    }
    const help = processTime([cli, '--help'], 7);
    rows.push({
      case: 'kube-sbom --help (whole process)',
      medianMs: help.wall,
      runs: 7,
      target: '< 300 ms',
      note: `${(help.wall - bare.wall).toFixed(0)} ms over bare node; cpu ${help.cpu.toFixed(0)} ms (${(help.cpu - bare.cpu).toFixed(0)} over bare)`,
    });
    return rows;
  },
};

export default suite;
