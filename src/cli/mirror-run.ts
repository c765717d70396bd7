// mirror at run time: the image list (as verify-images makes it), the source and target, the use case, the report.
import { checkError, ExitCode, usageError } from '../common/errors.js';
import { formatBytes } from '../common/format-bytes.js';
import { sanitizeLine } from '../common/sanitize.js';
import { dockerCredentials } from '../registry/credentials.js';
import { parseReference } from '../registry/reference.js';
import { compilePolicy } from '../sigstore/identity.js';
import { LayoutTarget } from '../verify/mirror/layout-target.js';
import { mirrorImages, type MirroredImage, type MirrorReport } from '../verify/mirror/mirror.js';
import type { MirrorTarget } from '../verify/mirror/mirror-target.js';
import { RegistryTarget } from '../verify/mirror/registry-target.js';
import { pingRegistries, type ImageToVerify } from '../verify/verify-images.js';
import { assertOfflineAllows, imageSourceFrom, imageTimeoutFrom, policyFrom, trustedRootFrom } from './image-run-options.js';
import { mirrorProgress } from './mirror-progress.js';
import { parseTarget } from './mirror-target-option.js';
import { progressAllowed, writeJson, writeText } from './output.js';
import { fromList, releaseSignerOptions, sbomImages, type VerifyImagesCliOptions } from './verify-images-run.js';
import { releaseSourceOptions } from './release-run.js';
import { carrySbom, verifiedReleaseSbomFiles } from '../verify/mirror/sbom-artifact.js';

export interface MirrorCliOptions extends VerifyImagesCliOptions {
  to: string;
  dryRun?: boolean;
  dockerConfig?: string;
  sbom?: boolean;
}

async function targetFrom(opts: MirrorCliOptions): Promise<MirrorTarget> {
  const spec = parseTarget(opts.to);
  if (spec.kind === 'layout') return LayoutTarget.open(spec.dir, opts.dryRun !== true);
  assertOfflineAllows({ ...opts, registryMirror: undefined, ociLayout: undefined }, [spec.host]);
  return new RegistryTarget(spec.host, spec.prefix, {
    allowHttp: opts.allowHttpRegistry === true,
    userAgent: 'kube-sbom',
    // Only the target's client holds credentials: the source is asked anonymously.
    credentials: dockerCredentials(opts.dockerConfig),
  });
}

function detail(row: MirroredImage): string {
  const c = row.copy;
  if (row.status === 'planned' && c) {
    return `would copy ${c.blobsCopied} blob(s) (${formatBytes(c.bytesCopied)}) and ${c.manifestsPut} manifest(s); already there: ${c.blobsSkipped} blob(s), ${c.manifestsSkipped} manifest(s)`;
  }
  if (row.status === 'mirrored' && c) {
    return `${row.platforms} platform(s), ${row.signatures} signature(s); ${c.blobsCopied} blob(s) copied (${formatBytes(c.bytesCopied)}), ${c.blobsMounted} mounted, ${c.blobsSkipped} already there; verified in the target`;
  }
  return `${row.code}: ${row.message}`;
}

function formatReport(report: MirrorReport): string {
  const ok = report.dryRun ? 'planned' : 'mirrored';
  const rows = report.images.map((r) => [
    r.status === ok ? 'ok' : r.failureKind === 'io' ? 'ERROR' : 'FAIL',
    sanitizeLine(r.reference),
    (r.digest ?? '-').slice(0, 19),
    sanitizeLine(detail(r)),
  ]);
  const header = ['STATUS', 'IMAGE', 'DIGEST', report.dryRun ? 'PLAN' : 'RESULT'];
  const widths = header.slice(0, 3).map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join('  ');
  const s = report.summary;
  const verb = report.dryRun ? 'would be mirrored to' : 'mirrored to';
  const tail = `${s.mirrored} of ${s.total} image(s) ${verb} ${sanitizeLine(report.target)}${s.failed ? `, ${s.failed} failed a check` : ''}${s.unchecked ? `, ${s.unchecked} could not be copied` : ''}`;
  return `${[line(header), ...rows.map(line)].join('\n')}\n\n${tail}${report.dryRun ? ' (dry run: nothing written)' : ''}\n`;
}

async function carryReleaseSbom(version: string, opts: MirrorCliOptions, target: MirrorTarget): Promise<{ reference: string; digest: string }> {
  const release = releaseSourceOptions(releaseSignerOptions(opts));
  const { files } = await verifiedReleaseSbomFiles(version, release);
  return carrySbom(target, version, files);
}

export async function runMirror(source: string, opts: MirrorCliOptions): Promise<number> {
  const concurrency = Number(opts.concurrency);
  if (!/^\d+$/.test(opts.concurrency) || concurrency < 1 || concurrency > 64) {
    throw usageError('OPTION_INVALID', `--concurrency ${opts.concurrency}: give a whole number from 1 to 64`);
  }
  parseTarget(opts.to);
  const policy = policyFrom(opts);
  compilePolicy(policy);
  const timeoutMs = imageTimeoutFrom(opts);
  if (opts.sbom && opts.from) throw usageError('OPTION_CONFLICT', '--sbom carries a release SBOM: give a release VERSION, not --from');
  const list: { label: string; images: ImageToVerify[]; version?: string } = opts.from
    ? { label: opts.from, images: await fromList(opts.from) }
    : await sbomImages(source, opts);
  if (opts.sbom && !list.version)
    throw usageError('OPTION_INVALID', `--sbom: ${sanitizeLine(list.label)} is a file, not a release; give a release VERSION (v1.30.0, stable)`);
  if (list.images.length === 0)
    throw checkError('NO_IMAGES', `${sanitizeLine(list.label)}: no images to mirror${opts.arch || opts.name ? ' (after --arch/--name)' : ''}`);
  const references = list.images.map((i) => i.reference);
  assertOfflineAllows(
    opts,
    references.map((r) => parseReference(r).registry),
  );
  const registry = imageSourceFrom(opts);
  const target = await targetFrom(opts);
  const trustedRoot = await trustedRootFrom(opts);
  await pingRegistries(registry, references, timeoutMs);
  const report = await mirrorImages(list.images, {
    source: registry,
    target,
    trustedRoot,
    policy,
    concurrency,
    checkSbomLayers: opts.checkSbomLayers && !opts.from,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    dryRun: opts.dryRun === true,
    ...(opts.json || !progressAllowed() ? {} : { onEvent: mirrorProgress() }),
  });
  // The SBOM goes last, once every image is in place: a target holding the SBOM holds what it lists.
  const sbom = opts.sbom && report.ok && !opts.dryRun ? await carryReleaseSbom(list.version!, opts, target) : undefined;
  if (opts.json) writeJson({ ...report, ...(sbom ? { sbom } : {}), source: list.label, trustedRoot: trustedRoot.source, policy });
  else
    writeText(
      `${formatReport(report)}${sbom ? `release SBOM with its checksums, signature and bundle: ${sanitizeLine(sbom.reference)}@${sbom.digest}\n` : ''}`,
    );
  if (report.ok) return ExitCode.OK;
  return report.summary.failed > 0 ? ExitCode.CHECK_FAILED : ExitCode.CANNOT_RUN;
}
