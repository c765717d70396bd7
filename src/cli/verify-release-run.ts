// `kube-sbom verify-release` at run time: the selection (this machine's binaries by default), the use case, its report.
import { checkError, ExitCode, usageError } from '../common/errors.js';
import { sanitizeLine } from '../common/sanitize.js';
import { hostTarget, KUBERNETES_ARCH, KUBERNETES_OS } from '../k8s/release-urls.js';
import type { ReleaseFileSelection } from '../verify/release-selection.js';
import { verifyReleaseFiles, type VerifyReleaseFilesReport } from '../verify/verify-release.js';
import { writeJson, writeText } from './output.js';
import type { ReleaseCliOptions } from './release-options.js';
import { releaseSourceOptions } from './release-run.js';
import { formatReleaseReport } from './verify-release-text.js';

export interface VerifyReleaseCliOptions extends ReleaseCliOptions {
  os?: string;
  arch?: string;
  name?: string;
  only?: 'binaries' | 'archives';
  all?: boolean;
  concurrency: string;
  sbomRekorEntry?: string;
}

function oneOf(value: string | undefined, allowed: readonly string[], flag: string): void {
  if (value !== undefined && !allowed.includes(value)) throw usageError('OPTION_INVALID', `${flag} ${sanitizeLine(value)}: give one of ${allowed.join(', ')}`);
}

/** What to verify, and the sentence that says so (the default is stated, not implied). */
export function selectionFrom(opts: VerifyReleaseCliOptions): { selection: ReleaseFileSelection; note: string } {
  oneOf(opts.os, KUBERNETES_OS, '--os');
  oneOf(opts.arch, KUBERNETES_ARCH, '--arch');
  const kinds =
    opts.only === 'archives' ? (['archive'] as const) : opts.only === 'binaries' || !opts.all ? (['binary'] as const) : (['binary', 'archive'] as const);
  const host = hostTarget();
  const os = opts.os ?? (opts.all ? undefined : host.os);
  const arch = opts.arch ?? (opts.all ? undefined : host.arch);
  if (!opts.all && (os === undefined || arch === undefined)) {
    throw usageError('HOST_UNSUPPORTED', `Kubernetes publishes no binaries for ${process.platform}/${process.arch}: give --os and --arch, or --all`);
  }
  const what = kinds.map((k) => `${k === 'binary' ? 'binaries' : 'archives'}`).join(' and ');
  const where = `${os ?? 'every OS'}/${arch ?? 'every architecture'}`;
  const defaulted = opts.os === undefined && opts.arch === undefined && !opts.all ? " (this machine's; --os, --arch or --all for others)" : '';
  const named = opts.name === undefined ? '' : ` named ${sanitizeLine(opts.name)}`;
  return {
    selection: { kinds, ...(os ? { os } : {}), ...(arch ? { arch } : {}), ...(opts.name !== undefined ? { name: opts.name } : {}) },
    note: `selected: the ${what}${named} for ${where}${defaulted}`,
  };
}

function concurrencyFrom(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 16)
    throw usageError('OPTION_INVALID', `--concurrency ${sanitizeLine(value)}: give a whole number from 1 to 16`);
  return Number(value);
}

/** 0 all verified; 1 the SBOM or a file failed a check; 3 nothing failed but a file could not be fetched. */
function exitCodeFor(report: VerifyReleaseFilesReport): number {
  if (!report.sbomVerified || report.files.some((f) => f.status === 'fail')) return ExitCode.CHECK_FAILED;
  return report.files.some((f) => f.status === 'error') ? ExitCode.CANNOT_RUN : ExitCode.OK;
}

export async function runVerifyRelease(version: string, opts: VerifyReleaseCliOptions): Promise<number> {
  const { selection, note } = selectionFrom(opts);
  const report = await verifyReleaseFiles({
    ...releaseSourceOptions(opts),
    version,
    selection,
    concurrency: concurrencyFrom(opts.concurrency),
    ...(opts.sbomRekorEntry !== undefined ? { sbomRekorEntryFile: opts.sbomRekorEntry } : {}),
  });
  // Fail closed: a selection that names nothing verified nothing, whatever the SBOM's own checks said.
  if (report.sbomVerified && report.files.length === 0)
    throw checkError('NOTHING_SELECTED', `the ${report.version} release SBOM lists nothing ${note.replace(/^selected: /, '')}`);
  const verified = exitCodeFor(report) === ExitCode.OK;
  if (opts.json) writeJson({ verified, selected: note.replace(/^selected: /, ''), ...report });
  else writeText(formatReleaseReport(report, note));
  return exitCodeFor(report);
}
