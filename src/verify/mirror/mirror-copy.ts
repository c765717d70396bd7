// Carrying out a plan: blobs the target has are skipped (HEAD), blobs it holds in another repository are mounted,
// the rest streamed from source to target; then manifests, byte for byte, in the plan's order.
import { Transform, type Readable } from 'node:stream';
import type { Limiter } from '../../registry/limiter.js';
import type { ImageSource, RepoRef } from '../../registry/source.js';
import type { BlobItem, ImagePlan } from './mirror-plan.js';
import type { MirrorTarget } from './mirror-target.js';

export interface CopyStats {
  blobsCopied: number;
  blobsMounted: number;
  blobsSkipped: number;
  bytesCopied: number;
  manifestsPut: number;
  manifestsSkipped: number;
}

export const emptyStats = (): CopyStats => ({ blobsCopied: 0, blobsMounted: 0, blobsSkipped: 0, bytesCopied: 0, manifestsPut: 0, manifestsSkipped: 0 });

/** Blobs already in the target during this run, by key; and where each digest lives, for mounts. */
export class BlobLedger {
  private readonly pending = new Map<string, Promise<unknown>>();
  private readonly homes = new Map<string, RepoRef>();

  /** Runs `copy` once per key; later callers get the first one's promise (and share its failure). */
  once(key: string, copy: () => Promise<void>): { first: boolean; done: Promise<unknown> } {
    const running = this.pending.get(key);
    if (running) return { first: false, done: running };
    const started = copy();
    this.pending.set(key, started);
    // A failed copy may be tried again by the next image that needs it.
    started.catch(() => this.pending.delete(key));
    return { first: true, done: started };
  }

  home(digest: string): RepoRef | undefined {
    return this.homes.get(digest);
  }

  settle(digest: string, repo: RepoRef): void {
    if (!this.homes.has(digest)) this.homes.set(digest, repo);
  }
}

export interface CopyContext {
  source: ImageSource;
  target: MirrorTarget;
  ledger: BlobLedger;
  /** Bounds blob transfers across all images. */
  blobs: Limiter;
  onBytes?: (bytes: number) => void;
  /** Told as soon as each blob is in the target (copied, mounted or already there), so reading it back need not wait for the rest. */
  onBlobInTarget?: (repo: RepoRef, blob: BlobItem) => void;
}

/** The same stream, reporting each chunk's size as it passes (a 'data' listener would start the flow too early). */
function counted(stream: Readable, onBytes: (bytes: number) => void): Readable {
  const out = new Transform({
    transform(chunk: Buffer, _enc, done) {
      onBytes(chunk.byteLength);
      done(null, chunk);
    },
  });
  stream.on('error', (err) => out.destroy(err));
  out.on('close', () => stream.destroy());
  return stream.pipe(out);
}

export async function copyImage(plan: ImagePlan, ctx: CopyContext): Promise<CopyStats> {
  const stats = emptyStats();
  const repo = ctx.target.repoFor(plan.repo);
  await Promise.all(
    plan.blobs.map(async (item) => {
      const { descriptor } = item;
      const key = ctx.target.blobKey(repo, descriptor.digest);
      const copy = async () => {
        if (await ctx.target.hasBlob(repo, descriptor)) {
          stats.blobsSkipped++;
        } else {
          const other = ctx.ledger.home(descriptor.digest);
          const how = await ctx.blobs.run(() =>
            ctx.target.putBlob(
              repo,
              descriptor,
              async () => {
                const stream = await ctx.source.openBlob(plan.repo, descriptor.digest, descriptor.size);
                return ctx.onBytes ? counted(stream, ctx.onBytes) : stream;
              },
              other && other.repository !== repo.repository ? other : undefined,
            ),
          );
          if (how === 'mounted') stats.blobsMounted++;
          else {
            stats.blobsCopied++;
            stats.bytesCopied += descriptor.size;
          }
        }
        ctx.ledger.settle(descriptor.digest, repo);
      };
      const { first, done } = ctx.ledger.once(key, copy);
      await done;
      if (!first) stats.blobsSkipped++;
      ctx.onBlobInTarget?.(repo, item);
    }),
  );
  // A target holds a manifest only with its blobs: when this copy uploaded every blob, it holds none of the manifests yet.
  const fresh = plan.blobs.length > 0 && stats.blobsCopied === plan.blobs.length;
  for (const item of plan.manifests) {
    if (!fresh && (await ctx.target.hasManifest(repo, item))) stats.manifestsSkipped++;
    else {
      await ctx.target.putManifest(repo, item);
      stats.manifestsPut++;
    }
  }
  await ctx.target.flush();
  return stats;
}

/** What a run would do, asked of the target without writing to it (--dry-run). */
export async function planStats(plan: ImagePlan, target: MirrorTarget): Promise<CopyStats> {
  const stats = emptyStats();
  const repo = target.repoFor(plan.repo);
  await Promise.all(
    plan.blobs.map(async ({ descriptor }) => {
      if (await target.hasBlob(repo, descriptor)) stats.blobsSkipped++;
      else {
        stats.blobsCopied++;
        stats.bytesCopied += descriptor.size;
      }
    }),
  );
  for (const item of plan.manifests) {
    if (await target.hasManifest(repo, item)) stats.manifestsSkipped++;
    else stats.manifestsPut++;
  }
  return stats;
}
