// Use case: mirror images to a registry or an OCI layout. Each image is verified at the source first, copied with
// every platform and signature, then verified again from the target; the run passes only if every step did.
import { KubeSbomError, type ErrorKind } from '../../common/errors.js';
import { sanitizeLine } from '../../common/sanitize.js';
import { createLimiter, mapLimited, type Limiter } from '../../registry/limiter.js';
import { MemoSource } from '../../registry/memo-source.js';
import { parseReference } from '../../registry/reference.js';
import type { ImageSource } from '../../registry/source.js';
import type { IdentityPolicy } from '../../sigstore/identity.js';
import type { LoadedTrustedRoot } from '../../sigstore/trusted-root.js';
import type { ImageVerification } from '../verify-image.js';
import { summarize, verifyListedImage, type ImagesEvent, type ImageToVerify } from '../verify-images.js';
import { BlobLedger, copyImage, planStats, type CopyContext, type CopyStats } from './mirror-copy.js';
import { planImage, type ImagePlan } from './mirror-plan.js';
import { readBack, reverifyImage, type TargetCheck } from './mirror-reverify.js';
import type { MirrorTarget } from './mirror-target.js';

export interface MirrorOptions {
  source: ImageSource;
  target: MirrorTarget;
  trustedRoot: LoadedTrustedRoot;
  policy: IdentityPolicy;
  concurrency: number;
  checkSbomLayers: boolean;
  timeoutMs?: number;
  dryRun?: boolean;
  onEvent?: (event: MirrorEvent) => void;
}

export type MirrorEvent =
  | { type: 'verify'; event: ImagesEvent }
  /** An image's copy begins; `bytes` is the most it will move (blobs the target has are skipped). */
  | { type: 'copy-start'; images: number; bytes: number }
  | { type: 'bytes'; bytes: number }
  | { type: 'copied'; reference: string; stats?: CopyStats; error?: string }
  | { type: 'reverified'; reference: string; check: TargetCheck };

export type MirrorStatus = 'mirrored' | 'planned' | 'not-verified' | 'copy-failed' | 'target-check-failed';

export interface MirroredImage {
  reference: string;
  digest?: string;
  status: MirrorStatus;
  /** OK, or the code of the step that failed. */
  code: string;
  message: string;
  failureKind?: ErrorKind;
  platforms?: number;
  signatures?: number;
  /** What was copied and skipped (with --dry-run: what would be). */
  copy?: CopyStats;
  /** The verification made from the target after the copy. */
  target?: TargetCheck;
  source: Pick<ImageVerification, 'verified' | 'code' | 'message'>;
}

export interface MirrorReport {
  ok: boolean;
  dryRun: boolean;
  target: string;
  summary: { total: number; mirrored: number; failed: number; unchecked: number };
  images: MirroredImage[];
}

function failure(err: unknown): { code: string; message: string; kind: ErrorKind } {
  if (err instanceof KubeSbomError) return { code: err.code, message: sanitizeLine(err.message), kind: err.kind === 'usage' ? 'check' : err.kind };
  return { code: 'INTERNAL_ERROR', message: sanitizeLine(`internal error: ${(err as Error)?.message ?? String(err)}`), kind: 'io' };
}

export async function mirrorImages(images: ImageToVerify[], options: MirrorOptions): Promise<MirrorReport> {
  const emit = options.onEvent ?? (() => {});
  const verifyEmit = (event: ImagesEvent) => emit({ type: 'verify', event });
  verifyEmit({ type: 'start', total: images.length, references: images.map((i) => i.reference) });
  const ctx = {
    source: options.source,
    target: options.target,
    ledger: new BlobLedger(),
    blobs: createLimiter(Math.max(4, options.concurrency)),
    reads: createLimiter(Math.max(4, options.concurrency)),
    // Counting bytes costs a stream stage per blob: only when someone listens.
    ...(options.onEvent ? { onBytes: (bytes: number) => emit({ type: 'bytes', bytes }) } : {}),
  };
  const verified: ImageVerification[] = [];
  // Each image goes through every step on its own, so copying one overlaps verifying the next.
  const rows = await mapLimited(images, options.concurrency, async (image) => {
    // Verified, planned and copied through one memo: what is copied is what was verified, asked of the source once.
    const source = new MemoSource(options.source);
    const v = await verifyListedImage(image, { ...options, source, onEvent: verifyEmit }, verifyEmit);
    verified.push(v);
    const row: MirroredImage = {
      reference: v.reference,
      ...(v.digest ? { digest: v.digest } : {}),
      status: v.verified ? 'planned' : 'not-verified',
      code: v.code,
      message: v.verified ? '' : `not copied: ${v.message}`,
      ...(v.verified ? {} : { failureKind: v.failureKind ?? 'check' }),
      source: { verified: v.verified, code: v.code, message: v.message },
    };
    if (v.verified) await mirrorVerified(row, { ...options, source }, ctx, emit);
    return row;
  });
  verifyEmit({ type: 'done', summary: summarize(verified) });
  return report(rows, options, options.dryRun === true);
}

/** Plan, then copy and check in the target (or, for a dry run, only ask the target what it has). */
async function mirrorVerified(
  row: MirroredImage,
  options: MirrorOptions,
  ctx: CopyContext & { reads: Limiter },
  emit: (event: MirrorEvent) => void,
): Promise<void> {
  let plan: ImagePlan;
  // Each blob of the image is read back as soon as it is in the target, while the rest are still being copied.
  const started = new Map<string, Promise<void>>();
  const early = options.target.reader();
  const onBlobInTarget: CopyContext['onBlobInTarget'] = (repo, blob) => {
    if (!blob.image || started.has(blob.descriptor.digest)) return;
    const read = ctx.reads.run(() => readBack(early, repo, blob.descriptor));
    // Its failure is reported by the verification from the target; a copy that fails first leaves it unread.
    read.catch(() => {});
    started.set(blob.descriptor.digest, read);
  };
  try {
    plan = await planImage(options.source, parseReference(row.reference), row.digest!);
    Object.assign(row, { platforms: plan.platforms, signatures: plan.signatures });
    if (options.dryRun) {
      row.copy = await planStats(plan, options.target);
      row.message = 'would be copied';
      return;
    }
    emit({ type: 'copy-start', images: 1, bytes: plan.blobs.reduce((n, b) => n + b.descriptor.size, 0) });
    row.copy = await copyImage(plan, { ...ctx, source: options.source, onBlobInTarget });
    emit({ type: 'copied', reference: row.reference, stats: row.copy });
  } catch (err) {
    const f = failure(err);
    Object.assign(row, { status: 'copy-failed', code: f.code, message: f.message, failureKind: f.kind });
    emit({ type: 'copied', reference: row.reference, error: row.message });
    return;
  }
  const check = await reverifyImage(plan, options.target, options.target.reader(), options, started);
  row.target = check;
  emit({ type: 'reverified', reference: row.reference, check });
  if (check.verified) Object.assign(row, { status: 'mirrored', code: 'OK', message: `copied and verified in the target: ${check.message}` });
  else
    Object.assign(row, {
      status: 'target-check-failed',
      code: check.code,
      message: `the copy in the target did not verify: ${check.message}`,
      failureKind: 'check',
    });
}

function report(rows: MirroredImage[], options: MirrorOptions, dryRun: boolean): MirrorReport {
  const done = dryRun ? 'planned' : 'mirrored';
  const summary = {
    total: rows.length,
    mirrored: rows.filter((r) => r.status === done).length,
    failed: rows.filter((r) => r.status !== done && r.failureKind !== 'io').length,
    unchecked: rows.filter((r) => r.status !== done && r.failureKind === 'io').length,
  };
  return { ok: rows.length > 0 && summary.mirrored === rows.length, dryRun, target: options.target.describe(), summary, images: rows };
}
