// A Sigstore bundle carried for a detached release signature (release.sigstore.json beside release.sig): it must
// hold that same signature, so the bundle cannot stand in for a different signing than the one published.
import { decodeBase64Strict, decodeSignature } from '../sigstore/detached.js';

/** Why `bundleText` is not a bundle of the signature in `sigText` (the .sig), or undefined when it is. */
export function bundleSignatureProblem(bundleText: string, sigText: string, bundleSource: string, sigSource: string): string | undefined {
  let signature: unknown;
  try {
    signature = (JSON.parse(bundleText) as { messageSignature?: { signature?: unknown } })?.messageSignature?.signature;
  } catch (err) {
    return `${bundleSource}: not JSON (${(err as Error).message})`;
  }
  const carried = typeof signature === 'string' ? decodeBase64Strict(signature) : undefined;
  if (!carried) return `${bundleSource}: not a Sigstore bundle of a message signature (no messageSignature.signature)`;
  let published: Buffer;
  try {
    published = decodeSignature(sigText, sigSource);
  } catch (err) {
    return (err as Error).message;
  }
  return Buffer.compare(carried, published) === 0
    ? undefined
    : `${bundleSource} holds another signature than ${sigSource}: not a bundle of this release's signing`;
}
