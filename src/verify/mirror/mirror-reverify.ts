// After the copy, each image is verified again from the target alone: its signature, every manifest (by digest),
// its tag, and every layer and config blob read back in full and hashed.
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { checkError, KubeSbomError } from '../../common/errors.js';
import { sanitizeLine } from '../../common/sanitize.js';
import { createLimiter } from '../../registry/limiter.js';
import type { Descriptor } from '../../registry/manifest.js';
import type { ImageSource, RepoRef } from '../../registry/source.js';
import type { LoadedTrustedRoot } from '../../sigstore/trusted-root.js';
import type { IdentityPolicy } from '../../sigstore/identity.js';
import { verifyImage } from '../verify-image.js';
import type { ImagePlan } from './mirror-plan.js';
import type { MirrorTarget } from './mirror-target.js';

export interface TargetCheck {
  /** The copy's digest-pinned reference in the target. */
  reference: string;
  verified: boolean;
  code: string;
  message: string;
}

/** Reads a stream to its end without keeping it: the digest check happens in the stream itself. */
async function drain(stream: NodeJS.ReadableStream): Promise<void> {
  await pipeline(stream, new Writable({ write: (_chunk, _enc, done) => done() }));
}

/** Reads one blob back from the target in full; fails unless its bytes hash to its digest and have its size. */
export async function readBack(reader: ImageSource, repo: RepoRef, blob: Descriptor): Promise<void> {
  await drain(await reader.openBlob(repo, blob.digest, blob.size));
}

/** Blob reads already under way (started as each blob reached the target), by digest. */
export type StartedReads = ReadonlyMap<string, Promise<void>>;

async function checkContent(plan: ImagePlan, target: MirrorTarget, reader: ImageSource, started: StartedReads): Promise<void> {
  const repo = target.repoFor(plan.repo);
  for (const item of plan.manifests.filter((m) => m.image)) {
    if (!(await reader.fetchManifest(repo, item.digest))) throw checkError('IMAGE_NOT_FOUND', `manifest ${item.digest} is missing from the target`);
    if (item.tag) {
      const head = await reader.headManifest(repo, item.tag);
      if (head?.digest !== item.digest)
        throw checkError('TAG_MISMATCH', `tag ${item.tag} in the target points at ${head?.digest ?? 'nothing'}, not ${item.digest}`);
    }
  }
  const limit = createLimiter(4);
  await Promise.all(plan.blobs.filter((b) => b.image).map((b) => started.get(b.descriptor.digest) ?? limit.run(() => readBack(reader, repo, b.descriptor))));
}

export async function reverifyImage(
  plan: ImagePlan,
  target: MirrorTarget,
  reader: ImageSource,
  options: { trustedRoot: LoadedTrustedRoot; policy: IdentityPolicy; timeoutMs?: number },
  started: StartedReads = new Map(),
): Promise<TargetCheck> {
  const repo = target.repoFor(plan.repo);
  const reference = `${repo.registry}/${repo.repository}@${plan.digest}`;
  // The signature check and the full read of the layers run at once; both must pass.
  const [signature, content] = await Promise.all([
    verifyImage(reference, {
      source: reader,
      trustedRoot: options.trustedRoot,
      policy: options.policy,
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    }),
    checkContent(plan, target, reader, started).then(
      () => undefined,
      (err: unknown) => err,
    ),
  ]);
  if (content) {
    const known = content instanceof KubeSbomError;
    return {
      reference,
      verified: false,
      code: known ? content.code : 'INTERNAL_ERROR',
      message: sanitizeLine(known ? content.message : String((content as Error)?.message ?? content)),
    };
  }
  if (!signature.verified) return { reference, verified: false, code: signature.code, message: `signature: ${signature.message}` };
  const blobs = plan.blobs.filter((b) => b.image).length;
  return { reference, verified: true, code: 'OK', message: `${signature.message}; ${blobs} blob(s) read back and matched` };
}
