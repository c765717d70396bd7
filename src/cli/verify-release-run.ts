// `kube-sbom verify-release` at run time: the selection (this machine's binaries and every image by default), the
// files within one release session, then the images the verified SBOM lists; one report, one exit code.
import { checkError, ExitCode, usageError } from '../common/errors.js';
import { sanitizeLine } from '../common/sanitize.js';
import { hostTarget, KUBERNETES_ARCH, KUBERNETES_OS } from '../k8s/release-urls.js';
import type { ReleaseFileKind, ReleaseFileSelection } from '../verify/release-selection.js';
import type { ReleaseSourceOptions } from '../verify/release-session.js';
import type { ImagesEvent } from '../verify/verify-images.js';
import { verifyReleaseFiles, type ReleaseFileRow, type VerifyReleaseFilesOptions } from '../verify/verify-release.js';
import type { ImageCliOptions } from './image-options.js';
import type { ReleaseReportHead } from '../export/release-report.js';
import { progressAllowed, writeJson, writeSerialized, writeText } from './output.js';
import { liveReleaseEvents } from './release-live-events.js';
import { LiveTable } from './release-live-table.js';
import { wantsJson } from './shared-options.js';
import type { ReleaseCliOptions } from './release-options.js';
import { releaseSourceOptions } from './release-run.js';
import { prepareImageRun, verifyReleaseImages, type ImageRow, type ReleaseImageOptions } from './verify-release-images.js';
import { formatReleaseReport } from './verify-release-text.js';

export interface VerifyReleaseCliOptions extends ReleaseCliOptions {
  os?: string;
  arch?: string;
  name?: string;
  only?: 'binaries' | 'archives' | 'images';
  all?: boolean;
  concurrency: string;
  sbomRekorEntry?: string;
  imageIdentity?: string;
  imageIdentityRegexp?: string;
  imageIssuer?: string;
  imageIssuerRegexp?: string;
  ociLayout?: string;
  registryMirror?: string[];
  allowHttpRegistry?: boolean;
  bundlesFrom?: string;
  checkSbomLayers: boolean;
  format: 'txt' | 'json' | 'md' | 'csv' | 'junit';
  outputDir?: string;
}

export type ArtifactRow = ReleaseFileRow | ImageRow;

export interface ReleaseSelection {
  files: ReleaseFileSelection;
  images: boolean;
  /** The sentence that says what was selected (a default is stated, not implied). */
  note: string;
}

function oneOf(value: string | undefined, allowed: readonly string[], flag: string): void {
  if (value !== undefined && !allowed.includes(value)) throw usageError('OPTION_INVALID', `${flag} ${sanitizeLine(value)}: give one of ${allowed.join(', ')}`);
}

function fileKinds(opts: VerifyReleaseCliOptions): ReleaseFileKind[] {
  if (opts.only === 'images') return [];
  if (opts.only === 'archives') return ['archive'];
  return opts.only === 'binaries' || !opts.all ? ['binary'] : ['binary', 'archive'];
}

export function selectionFrom(opts: VerifyReleaseCliOptions): ReleaseSelection {
  oneOf(opts.os, KUBERNETES_OS, '--os');
  oneOf(opts.arch, KUBERNETES_ARCH, '--arch');
  const kinds = fileKinds(opts);
  const images = opts.only === undefined || opts.only === 'images';
  const host = hostTarget();
  const os = opts.os ?? (opts.all ? undefined : host.os);
  const arch = opts.arch ?? (opts.all ? undefined : host.arch);
  if (kinds.length > 0 && !opts.all && (os === undefined || arch === undefined)) {
    throw usageError('HOST_UNSUPPORTED', `Kubernetes publishes no binaries for ${process.platform}/${process.arch}: give --os and --arch, or --all`);
  }
  const named = opts.name === undefined ? '' : ` named ${sanitizeLine(opts.name)}`;
  const parts: string[] = [];
  if (kinds.length > 0) {
    const what = kinds.map((k) => (k === 'binary' ? 'binaries' : 'archives')).join(' and ');
    const defaulted = opts.os === undefined && opts.arch === undefined && !opts.all ? " (this machine's; --os, --arch or --all for others)" : '';
    parts.push(`the ${what}${named} for ${os ?? 'every OS'}/${arch ?? 'every architecture'}${defaulted}`);
  }
  if (images) parts.push(`${opts.arch ? `the ${opts.arch} images` : 'every image'}${named}`);
  return {
    files: { kinds, ...(os ? { os } : {}), ...(arch ? { arch } : {}), ...(opts.name !== undefined ? { name: opts.name } : {}) },
    images,
    note: parts.join(', and '),
  };
}

function concurrencyFrom(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 16)
    throw usageError('OPTION_INVALID', `--concurrency ${sanitizeLine(value)}: give a whole number from 1 to 16`);
  return Number(value);
}

/** The image options under their verify-release names: --certificate-* here are the release files' signer. */
function imageOptionsFrom(opts: VerifyReleaseCliOptions, concurrency: number): ReleaseImageOptions {
  const image: ImageCliOptions = {
    ...(opts.imageIdentity !== undefined ? { certificateIdentity: opts.imageIdentity } : {}),
    ...(opts.imageIdentityRegexp !== undefined ? { certificateIdentityRegexp: opts.imageIdentityRegexp } : {}),
    ...(opts.imageIssuer !== undefined ? { certificateOidcIssuer: opts.imageIssuer } : {}),
    ...(opts.imageIssuerRegexp !== undefined ? { certificateOidcIssuerRegexp: opts.imageIssuerRegexp } : {}),
    ...(opts.trustedRoot !== undefined ? { trustedRoot: opts.trustedRoot } : {}),
    ...(opts.ociLayout !== undefined ? { ociLayout: opts.ociLayout } : {}),
    ...(opts.registryMirror !== undefined ? { registryMirror: opts.registryMirror } : {}),
    ...(opts.bundlesFrom !== undefined ? { bundlesFrom: opts.bundlesFrom } : {}),
    ...(opts.cache !== false && opts.cacheDir !== undefined ? { cacheDir: opts.cacheDir } : {}),
    ...(opts.timeout !== undefined ? { timeout: opts.timeout } : {}),
    offline: opts.offline === true,
    allowHttpRegistry: opts.allowHttpRegistry === true,
    json: opts.json === true,
  };
  return { ...image, ...(opts.arch ? { arch: opts.arch } : {}), ...(opts.name ? { name: opts.name } : {}), concurrency, checkSbomLayers: opts.checkSbomLayers };
}

/** 0 all verified; 1 the SBOM or an artifact failed a check; 3 nothing failed but an artifact could not be checked. */
function exitCodeFor(sbomVerified: boolean, rows: ArtifactRow[]): number {
  if (!sbomVerified || rows.some((f) => f.status === 'fail')) return ExitCode.CHECK_FAILED;
  return rows.some((f) => f.status === 'error') ? ExitCode.CANNOT_RUN : ExitCode.OK;
}

export async function runVerifyRelease(version: string, opts: VerifyReleaseCliOptions): Promise<number> {
  const selection = selectionFrom(opts);
  const concurrency = concurrencyFrom(opts.concurrency);
  const imageOptions = imageOptionsFrom(opts, concurrency);
  // Bad image options are refused before anything is downloaded.
  if (selection.images) prepareImageRun(imageOptions);
  if (selection.images && opts.offline && opts.ociLayout === undefined && opts.registryMirror === undefined) {
    throw usageError('OFFLINE_REGISTRY', '--offline: the images come from a registry; give --oci-layout DIR, a loopback --registry-mirror, or --only binaries');
  }
  const source = releaseSourceOptions(opts);
  // On a terminal, a live table (one line per artifact) replaces the stage lines once the files are known.
  const table = progressAllowed() ? new LiveTable(process.stderr) : undefined;
  const live = table && liveReleaseEvents(table, source.onEvent ?? (() => {}));
  try {
    return await verifyAndReport(
      version,
      opts,
      selection,
      concurrency,
      imageOptions,
      { ...source, ...(live ? { onEvent: live.onEvent, onFile: live.onFile } : {}) },
      live?.onImage,
    );
  } finally {
    table?.close();
  }
}

async function verifyAndReport(
  version: string,
  opts: VerifyReleaseCliOptions,
  selection: ReleaseSelection,
  concurrency: number,
  imageOptions: ReleaseImageOptions,
  source: ReleaseSourceOptions & Pick<VerifyReleaseFilesOptions, 'onFile'>,
  onImage: ((event: ImagesEvent) => void) | undefined,
): Promise<number> {
  const { report, document } = await verifyReleaseFiles({
    ...source,
    version,
    selection: selection.files,
    concurrency,
    ...(opts.sbomRekorEntry !== undefined ? { sbomRekorEntryFile: opts.sbomRekorEntry } : {}),
    ...(opts.outputDir !== undefined ? { outDir: opts.outputDir } : {}),
    ...(opts.sbomBundle !== undefined ? { sbomBundleFile: opts.sbomBundle } : {}),
  });
  const images = selection.images && document ? await verifyReleaseImages(document, imageOptions, onImage) : [];
  const { files, ...sbom } = report;
  const artifacts: ArtifactRow[] = [...files, ...images];
  // Fail closed: a selection that names nothing verified nothing, whatever the SBOM's own checks said.
  if (report.sbomVerified && artifacts.length === 0)
    throw checkError('NOTHING_SELECTED', `the ${report.version} release SBOM lists nothing of ${selection.note}`);
  const code = exitCodeFor(report.sbomVerified, artifacts);
  const format = wantsJson(opts) ? 'json' : opts.format;
  if (format === 'json') writeJson({ verified: code === ExitCode.OK, selected: selection.note, ...sbom, artifacts });
  else if (format === 'txt') writeText(formatReleaseReport(sbom, artifacts, selection.note, opts.outputDir));
  else await writeReleaseReport(format, { ...sbom, selected: selection.note }, artifacts);
  return code;
}

/** md, csv and junit come from src/export, loaded only when asked for (the XML builder is not small). */
async function writeReleaseReport(format: 'md' | 'csv' | 'junit', head: ReleaseReportHead, rows: ArtifactRow[]): Promise<void> {
  const { releaseReportCsv, releaseReportJunit, releaseReportMarkdown } = await import('../export/release-report.js');
  if (format === 'md') writeText(releaseReportMarkdown(head, rows));
  else writeSerialized(format === 'csv' ? releaseReportCsv(head, rows) : releaseReportJunit(head, rows));
}
