// `kube-sbom verify-files` at run time: the paths listed, the SBOM loaded (a local file as given, or a release
// downloaded and verified first), every file hashed and matched, the report printed.
import type { SbomFormat } from '../../parsers/model.js';
import { loadSource } from '../app/load-source.js';
import type { LoadedSource } from '../app/loaded-source.js';
import type { SourceRef } from '../app/source-kind.js';
import { ExitCode, usageError } from '../common/errors.js';
import { collectLocalFiles } from '../verify/local-files.js';
import { verifyFiles, type VerifyFilesReport } from '../verify/verify-files.js';
import { cliLoadEvents, releaseLoadOptions } from './load-options.js';
import { writeJson, writeText } from './output.js';
import { printParseWarnings } from './parse-warnings.js';
import type { ReleaseCliOptions } from './release-options.js';
import { wantsJson } from './shared-options.js';
import { parseSize } from './size-option.js';
import { formatVerifyFiles, sbomTrust } from './verify-files-text.js';

export interface VerifyFilesCliOptions extends ReleaseCliOptions {
  release?: string;
  sbom?: string;
  strict?: boolean;
  signature?: boolean;
  concurrency: string;
  maxFiles: string;
  maxFileSize: string;
  maxSize: string;
  sbomRekorEntry?: string;
  inputFormat?: SbomFormat;
}

function wholeNumber(value: string, flag: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw usageError('OPTION_INVALID', `${flag} ${value}: give a whole number from ${min} to ${max}`);
  }
  return Number(value);
}

function size(value: string, flag: string): number {
  try {
    return parseSize(value);
  } catch {
    throw usageError('BAD_SIZE', `${flag} ${JSON.stringify(value)} is not a size; use e.g. 512MiB, 2GiB or 1048576`);
  }
}

/** Modified files and failed signatures fail; files that could not be read mean the run could not be made; --strict adds the rest. */
export function exitCodeFor(report: VerifyFilesReport, strict: boolean): number {
  const s = report.summary;
  if (s.modified > 0 || report.results.some((r) => r.signature?.status === 'fail')) return ExitCode.CHECK_FAILED;
  if (s.error > 0) return ExitCode.CANNOT_RUN;
  if (strict && s.unknown + s.skipped > 0) return ExitCode.CHECK_FAILED;
  return ExitCode.OK;
}

export async function runVerifyFiles(paths: string[], opts: VerifyFilesCliOptions): Promise<number> {
  if (opts.release !== undefined && opts.sbom !== undefined) throw usageError('OPTION_CONFLICT', 'give --release VERSION or --sbom FILE, not both');
  if (opts.sbom !== undefined && opts.sbomRekorEntry !== undefined) throw usageError('OPTION_CONFLICT', '--sbom-rekor-entry is for a --release download');
  if (opts.sbom !== undefined && opts.sbomBundle !== undefined) throw usageError('OPTION_CONFLICT', '--sbom-bundle is for a --release download');
  if (opts.signature && opts.sbom !== undefined) {
    throw usageError('OPTION_CONFLICT', '--signature checks the signatures a release publishes: give --release VERSION, not --sbom FILE');
  }
  const concurrency = wholeNumber(opts.concurrency, '--concurrency', 1, 64);
  const maxFiles = wholeNumber(opts.maxFiles, '--max-files', 1, 1_000_000);
  const maxFileBytes = size(opts.maxFileSize, '--max-file-size');
  const maxBytes = size(opts.maxSize, '--max-size');
  // Paths first: a typo should not cost a release download.
  const local = await collectLocalFiles(paths, maxFiles);
  const source: SourceRef = opts.sbom !== undefined ? { kind: 'file', path: opts.sbom } : { kind: 'release', version: opts.release ?? 'stable' };
  const release = releaseLoadOptions(opts.sbomRekorEntry !== undefined ? { ...opts, rekorEntry: opts.sbomRekorEntry } : opts);
  const loaded: LoadedSource = await loadSource(source, { maxBytes, ...(opts.inputFormat ? { inputFormat: opts.inputFormat } : {}), release }, cliLoadEvents());
  printParseWarnings(loaded.label, loaded.diagnostics);
  const report = await verifyFiles(loaded.document, local, { concurrency, maxFileBytes });
  if (opts.signature && loaded.verification.kind === 'release') {
    // Signature checks load Sigstore and open a release session only when asked for.
    const { checkFileSignatures } = await import('../verify/file-signatures.js');
    const { releaseSourceOptions } = await import('./release-run.js');
    const checks = await checkFileSignatures(report.results, {
      ...releaseSourceOptions(opts),
      version: loaded.verification.version,
      concurrency,
    });
    for (const r of report.results) {
      const check = checks.get(r.path);
      if (check) r.signature = check;
    }
  }
  const strict = opts.strict === true;
  const code = exitCodeFor(report, strict);
  if (wantsJson(opts)) {
    writeJson({ sbom: sbomTrust(loaded), strict, ok: code === ExitCode.OK, summary: report.summary, files: report.results });
  } else {
    writeText(formatVerifyFiles(loaded, report, strict));
  }
  return code;
}
