// Issue 5 targets: `kube-sbom images` on the v1.25.4 release SBOM as a whole process (< 300 ms), and a query over
// a parsed, generated 100 MB document (< 2 s). Baselines measured in the same run: a bare `node` start, the CLI's
// --version (start-up alone), and the documented grep|cut|sed pipeline on the same file.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parseSbom } from '../../parsers/index.js';
import { DocumentIndex } from '../../src/sbom/document-index.js';
import { query } from '../../src/sbom/query.js';
import { RelationshipGraph } from '../../src/sbom/relationship-graph.js';
import { writeTagValue } from './generate-sbom.js';
import { measure, median, type BenchRow, type BenchSuite } from './harness.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..', '..', '..');
const cli = join(root, 'dist', 'bundle', 'kube-sbom.mjs');
const release = resolve(root, '..', 'shared', 'realdata', 'k8s', 'release-sbom', 'kubernetes-v1.25.4-release.spdx');
const RUNS = Number(process.env.KUBE_SBOM_BENCH_RUNS ?? 9);
const QUERY_BYTES = Number(process.env.KUBE_SBOM_BENCH_QUERY_BYTES ?? 100 * 1024 * 1024);
const PIPELINE = `grep "SPDXID: SPDXRef-Package-registry.k8s.io" "$1" | grep -v sha256 | cut -d- -f3- | sed 's/-/\\//' | sed 's/-v1/:v1/' | sort`;

const cpuReport = pathToFileURL(join(import.meta.dirname, 'cpu-report.js')).href;

/** Median CPU time (user + system) of a whole process, reported by the preloaded cpu-report module. */
async function processCpu(args: string[]): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { stderr } = await run(process.execPath, ['--import', cpuReport, ...args]);
    values.push(Number(/KUBE_SBOM_BENCH_CPU_MS ([\d.]+)/.exec(stderr)?.[1] ?? Number.NaN));
  }
  return median(values);
}

async function processRows(): Promise<BenchRow[]> {
  if (!existsSync(release)) return [{ case: 'images v1.25.4 (process)', medianMs: Number.NaN, runs: 0, note: 'skipped: ../shared/realdata is absent' }];
  const node = await measure(() => run(process.execPath, ['-e', '']), { runs: RUNS });
  const version = await measure(() => run(process.execPath, [cli, '--version']), { runs: RUNS });
  const images = await measure(() => run(process.execPath, [cli, 'images', release]), { runs: RUNS });
  const json = await measure(() => run(process.execPath, [cli, 'images', release, '--format', 'json']), { runs: RUNS });
  const shell = await measure(() => run('sh', ['-c', PIPELINE, 'sh', release]), { runs: RUNS });
  const cpu = {
    node: await processCpu(['-e', '']),
    version: await processCpu([cli, '--version']),
    images: await processCpu([cli, 'images', release]),
  };
  const ratio = (ms: number) => `${(ms / node.medianMs).toFixed(2)}x bare node`;
  return [
    {
      case: 'baseline: node -e "" (process)',
      medianMs: node.medianMs,
      runs: node.runs,
      note: `cpu ${cpu.node.toFixed(0)} ms; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs`,
    },
    {
      case: 'baseline: kube-sbom --version (process)',
      medianMs: version.medianMs,
      runs: version.runs,
      note: `${ratio(version.medianMs)}; cpu ${cpu.version.toFixed(0)} ms`,
    },
    { case: 'baseline: documented grep|cut|sed pipeline', medianMs: shell.medianMs, runs: shell.runs },
    {
      case: 'kube-sbom images v1.25.4 --format txt (process)',
      medianMs: images.medianMs,
      runs: images.runs,
      target: '< 300 ms',
      note: `${ratio(images.medianMs)}; cpu ${cpu.images.toFixed(0)} ms (${(cpu.images - cpu.version).toFixed(0)} ms over --version)`,
    },
    { case: 'kube-sbom images v1.25.4 --format json (process)', medianMs: json.medianMs, runs: json.runs, target: '< 300 ms' },
  ];
}

async function queryRows(): Promise<BenchRow[]> {
  const path = join(tmpdir(), `kube-sbom-bench-query-${process.pid}.spdx`);
  try {
    const elements = writeTagValue(path, QUERY_BYTES);
    const size = `${(statSync(path).size / 1024 / 1024).toFixed(0)} MiB, ${elements} elements`;
    const parsed = parseSbom(readFileSync(path), { fileName: path });
    rmSync(path, { force: true });
    // The graph builds its maps on first use; .edges forces that so the row measures the whole build.
    const build = await measure(() => new RelationshipGraph(new DocumentIndex(parsed.document)).edges.length, { runs: 3, warmup: 1 });
    const index = new DocumentIndex(parsed.document);
    const graph = new RelationshipGraph(index);
    void graph.edges.length;
    const rows: BenchRow[] = [{ case: `index + relationship graph (${size})`, medianMs: build.medianMs, runs: build.runs }];
    const expressions = [
      'type:package name:^registry\\.k8s\\.io/image-3\\d*-amd64',
      'checksum:sha256:abcd',
      'purl:pkg:oci/image@sha256:ab*arch=amd64*',
      'depth:1 rel:DEPENDS_ON name:tool-9\\d\\d$',
      'depth:1 rel:DEPENDS_ON',
    ];
    for (const expression of expressions) {
      let count = 0;
      const cpu = process.cpuUsage();
      const t = await measure(() => (count = query(expression, index, graph).length), { runs: 5, warmup: 1 });
      // CPU time per run is less sensitive than wall time to other work on a shared machine.
      const used = process.cpuUsage(cpu);
      const cpuMs = (used.user + used.system) / 1000 / 6;
      rows.push({
        case: `query "${expression}"`,
        medianMs: t.medianMs,
        runs: t.runs,
        target: '< 2000 ms',
        note: `${count} matches; cpu ${cpuMs.toFixed(0)} ms/run; ${(t.medianMs + build.medianMs).toFixed(0)} ms with index+graph built`,
      });
    }
    return rows;
  } finally {
    rmSync(path, { force: true });
  }
}

const suite: BenchSuite = {
  title: 'images / query (issue 5)',
  async run() {
    return [...(await processRows()), ...(await queryRows())];
  },
};
export default suite;
