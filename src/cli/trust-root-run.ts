// `kube-sbom trust-root export` at run time: choose the root as verification would, write it, say what it is.
import { parseDuration } from '../common/duration.js';
import { writeOutputFile } from '../common/output-file.js';
import { sigstoreTufFetcher } from '../sigstore/trust-source.js';
import { exportTrustedRoot, type TrustRootExport } from '../verify/trust-root-export.js';
import { warn, writeJson, writeReport, writeSerialized } from './output.js';

export interface TrustRootExportOptions {
  offline?: boolean;
  cacheDir?: string;
  timeout: string;
  json?: boolean;
}

const DAY_MS = 86_400_000;

export async function runTrustRootExport(file: string, options: TrustRootExportOptions): Promise<number> {
  const timeoutMs = parseDuration(options.timeout, '--timeout');
  const offline = options.offline === true;
  const exported = await exportTrustedRoot({
    offline,
    ...(offline ? {} : { tuf: sigstoreTufFetcher({ ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}), timeoutMs }) }),
    warn,
  });
  if (file === '-') {
    writeSerialized(exported.text);
  } else {
    await writeOutputFile(file, exported.text);
  }
  const summary = summaryOf(file, exported, new Date());
  // With FILE '-' the root itself is stdout; the summary then goes to stderr.
  if (options.json && file !== '-') writeJson(summary);
  else writeReport(`${summaryLines(summary).join('\n')}\n`);
  return 0;
}

interface ExportSummary {
  file: string;
  source: string;
  newestStart: string | null;
  ageDays: number | null;
  counts: TrustRootExport['counts'];
}

function summaryOf(file: string, exported: TrustRootExport, now: Date): ExportSummary {
  const newest = exported.newestStart;
  return {
    file,
    source: exported.source,
    newestStart: newest ? newest.toISOString() : null,
    ageDays: newest ? Math.floor((now.getTime() - newest.getTime()) / DAY_MS) : null,
    counts: exported.counts,
  };
}

function summaryLines(s: ExportSummary): string[] {
  const c = s.counts;
  return [
    `${s.file === '-' ? 'wrote the trusted root to stdout' : `wrote ${s.file}`}: ${s.source}`,
    `  ${c.certificateAuthorities} certificate authorities, ${c.tlogs} transparency logs, ${c.ctlogs} CT logs, ${c.timestampAuthorities} timestamp authorities`,
    s.newestStart ? `  newest key or certificate valid from ${s.newestStart.slice(0, 10)} (${s.ageDays} days ago)` : '  no validity dates in it',
  ];
}
