// Use case: mirror images to a registry or an OCI layout. Each image is verified at the source first, copied with
// every platform and signature, then verified again from the target; the run passes only if every step did.
import { KubeSbomError, type ErrorKind } from '../../common/errors.js';
import { sanitizeLine } from '../../common/sanitize.js';
import { createLimiter, mapLimited } from '../../registry/limiter.js';
import { parseReference } from '../../registry/reference.js';
import type { ImageSource } from '../../registry/source.js';
import type { IdentityPolicy } from '../../sigstore/identity.js';
import type { LoadedTrustedRoot } from '../../sigstore/trusted-root.js';
import type { ImageVerification } from '../verify-image.js';
import { verifyImages, type ImagesEvent, type ImageToVerify } from '../verify-images.js';
import { BlobLedger, copyImage, planStats, type CopyStats } from './mirror-copy.js';
import { planImage, type ImagePlan } from './mirror-plan.js';
import { reverifyImage, type TargetCheck } from './mirror-reverify.js';
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
  const verification = await verifyImages(images, {
    source: options.source,
    trustedRoot: options.trustedRoot,
    policy: options.policy,
    concurrency: options.concurrency,
    checkSbomLayers: options.checkSbomLayers,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    onEvent: (event) => emit({ type: 'verify', event }),
  });
  const rows: MirroredImage[] = verification.images.map((v) => ({
    reference: v.reference,
    ...(v.digest ? { digest: v.digest } : {}),
    status: v.verified ? 'planned' : 'not-verified',
    code: v.code,
    message: v.verified ? '' : `not copied: ${v.message}`,
    ...(v.verified ? {} : { failureKind: v.failureKind ?? 'check' }),
    source: { verified: v.verified, code: v.code, message: v.message },
  }));
  const fail = (row: MirroredImage, status: MirrorStatus, err: unknown) => {
    const f = failure(err);
    Object.assign(row, { status, code: f.code, message: f.message, failureKind: f.kind });
  };

  // Plans are read from the source (small: manifests only) before anything is written.
  const plans = new Map<MirroredImage, ImagePlan>();
  await mapLimited(
    rows.filter((r) => r.status === 'planned'),
    options.concurrency,
    async (row) => {
      try {
        const plan = await planImage(options.source, parseReference(row.reference), row.digest!);
        plans.set(row, plan);
        Object.assign(row, { platforms: plan.platforms, signatures: plan.signatures });
      } catch (err) {
        fail(row, 'copy-failed', err);
      }
    },
  );

  if (options.dryRun) {
    await mapLimited([...plans], options.concurrency, async ([row, plan]) => {
      try {
        row.copy = await planStats(plan, options.target);
        row.message = 'would be copied';
      } catch (err) {
        fail(row, 'copy-failed', err);
      }
    });
    return report(rows, options, true);
  }

  const ledger = new BlobLedger();
  const ctx = {
    source: options.source,
    target: options.target,
    ledger,
    blobs: createLimiter(Math.max(4, options.concurrency)),
    onBytes: (bytes: number) => emit({ type: 'bytes', bytes }),
  };
  emit({ type: 'copy-start', images: plans.size, bytes: [...plans.values()].reduce((n, p) => n + p.blobs.reduce((m, b) => m + b.descriptor.size, 0), 0) });
  await mapLimited([...plans], options.concurrency, async ([row, plan]) => {
    try {
      row.copy = await copyImage(plan, ctx);
      emit({ type: 'copied', reference: row.reference, stats: row.copy });
    } catch (err) {
      fail(row, 'copy-failed', err);
      plans.delete(row);
      emit({ type: 'copied', reference: row.reference, error: row.message });
    }
  });

  const reader = options.target.reader();
  await mapLimited([...plans], options.concurrency, async ([row, plan]) => {
    const check = await reverifyImage(plan, options.target, reader, options);
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
  });
  return report(rows, options, false);
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
