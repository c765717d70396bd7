// `kube-sbom verify-sbom` at run time: the verify-sbom use case, then its report as text or one JSON document.
import { ExitCode } from '../common/errors.js';
import { sanitizeLine } from '../common/sanitize.js';
import { verifySbom } from '../verify/verify-sbom.js';
import { writeJson, writeText } from './output.js';
import type { ReleaseCliOptions } from './release-options.js';
import { formatReleaseChecks, verdictLine } from './release-report-text.js';
import { releaseSourceOptions } from './release-run.js';

export interface VerifySbomCliOptions extends ReleaseCliOptions {
  rekorEntry?: string;
}

export async function runVerifySbom(version: string, opts: VerifySbomCliOptions): Promise<number> {
  const report = await verifySbom({
    ...releaseSourceOptions(opts),
    version,
    rekorEntryFile: opts.rekorEntry,
    ...(opts.sbomBundle !== undefined ? { sigstoreBundleFile: opts.sbomBundle } : {}),
    outDir: opts.outputDir,
  });
  if (opts.json) {
    writeJson(report);
  } else {
    const resolved = report.requested === report.version ? report.version : `${report.version} (${sanitizeLine(report.requested)})`;
    const lines = [
      `Kubernetes ${resolved} release SBOM`,
      `  ${sanitizeLine(report.artifact.url)}  ${report.artifact.size} bytes`,
      ...formatReleaseChecks(report.checks),
      ...report.saved.map((p) => `  saved ${sanitizeLine(p)}`),
      verdictLine(report.verified, `release SBOM of ${report.version}`),
    ];
    writeText(`${lines.join('\n')}\n`);
  }
  return report.verified ? ExitCode.OK : ExitCode.CHECK_FAILED;
}
