// `images --pin`: one tag resolved to its digest through the registry, within the per-image --timeout.
import { resolveDigestFrom } from '../registry/resolve.js';
import type { ImageSource } from '../registry/source.js';
import { imageTimeout, withDeadline } from './deadline.js';
import { DEFAULT_TIMEOUT_MS } from './defaults.js';

export async function pinDigest(source: ImageSource, reference: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<string> {
  const resolved = await withDeadline(
    timeoutMs,
    (signal) => resolveDigestFrom((signal && source.withSignal?.(signal)) || source, reference),
    () => imageTimeout(reference, timeoutMs, 'the registry', 'resolved'),
  );
  return resolved.digest;
}
