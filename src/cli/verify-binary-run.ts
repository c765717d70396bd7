// `kube-sbom verify-binary` at run time: the target platform, the verify-binary use case, its report.
import { stat } from 'node:fs/promises';
import { describeFsError, ExitCode, ioError, usageError } from '../common/errors.js';
import { sanitizeLine } from '../common/sanitize.js';
import { hostTarget } from '../k8s/release-urls.js';
import { verifyBinary } from '../verify/verify-binary.js';
import { writeJson, writeText } from './output.js';
import type { ReleaseCliOptions } from './release-options.js';
import { formatReleaseChecks, verdictLine } from './release-report-text.js';
import { releaseSourceOptions } from './release-run.js';

export interface VerifyBinaryCliOptions extends ReleaseCliOptions {
  version: string;
  os?: string;
  arch?: string;
  sbomRekorEntry?: string;
  file?: string;
}

export async function runVerifyBinary(name: string, opts: VerifyBinaryCliOptions): Promise<number> {
  const host = hostTarget();
  const os = opts.os ?? host.os;
  const arch = opts.arch ?? host.arch;
  if (!os || !arch) throw usageError('HOST_UNSUPPORTED', `Kubernetes publishes no binaries for ${process.platform}/${process.arch}: give --os and --arch`);
  // A missing local file should not cost a release download.
  if (opts.file !== undefined) {
    const info = await stat(opts.file).catch((err: unknown) => {
      throw describeFsError(err, opts.file!);
    });
    if (!info.isFile()) throw ioError('NOT_A_FILE', `${opts.file}: not a regular file; give the binary itself`);
  }
  const report = await verifyBinary({
    ...releaseSourceOptions(opts),
    version: opts.version,
    name,
    os,
    arch,
    rekorEntryFile: opts.rekorEntry,
    sbomRekorEntryFile: opts.sbomRekorEntry,
    ...(opts.sbomBundle !== undefined ? { sbomBundleFile: opts.sbomBundle } : {}),
    outDir: opts.outputDir,
    ...(opts.file !== undefined ? { file: opts.file } : {}),
  });
  if (opts.json) {
    writeJson(report);
  } else {
    const lines = [
      `Kubernetes ${report.version} ${report.path}`,
      `  ${sanitizeLine(report.binary.url)}  ${report.binary.size} bytes`,
      `  SBOM ${sanitizeLine(report.sbomUrl)}`,
      ...formatReleaseChecks(report.checks),
      ...report.saved.map((p) => `  saved ${sanitizeLine(p)}`),
      verdictLine(report.verified, `${report.path} of ${report.version}`),
    ];
    writeText(`${lines.join('\n')}\n`);
  }
  return report.verified ? ExitCode.OK : ExitCode.CHECK_FAILED;
}
