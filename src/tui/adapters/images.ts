// Verifying images through the verify-images use case: registry or OCI layout, the trusted root, the signer policy.
import { createImageSource } from '../../registry/index.js';
import { carriedSignatures } from '../../verify/carried-bundles.js';
import { referencesToVerify } from '../../verify/image-to-verify.js';
import type { ImageVerification } from '../../verify/verify-image.js';
import { verifyImages } from '../../verify/verify-images.js';
import { chooseTrustedRoot } from '../../verify/trusted-root.js';
import type { ImageResult, SbomView } from '../ports.js';
import type { TuiSettings } from './settings.js';

export function toResult(v: ImageVerification): ImageResult {
  const signer = v.signatures.find((s) => s.verified)?.signer;
  return {
    reference: v.reference,
    status: v.verified ? 'verified' : v.failureKind === 'io' ? 'unchecked' : 'failed',
    ...(v.verified && v.digest ? { digest: v.digest } : {}),
    code: v.code,
    message: v.message,
    checks: v.checks.map((c) => ({ check: c.check, status: c.status, code: c.code, message: c.message })),
    ...(signer?.identity ? { signer: `${signer.identity} (${signer.issuer ?? '?'})` } : {}),
  };
}

export async function verifyViewImages(
  settings: TuiSettings,
  view: SbomView,
  references: string[],
  onResult: (r: ImageResult) => void,
  onWarning: (message: string) => void = () => undefined,
): Promise<ImageResult[]> {
  const source = createImageSource({
    ...(settings.ociLayout ? { ociLayout: settings.ociLayout } : {}),
    ...(settings.registryMirrors ? { mirrors: settings.registryMirrors } : {}),
    allowHttp: settings.allowHttpRegistry,
    userAgent: 'kube-sbom',
  });
  const trustedRoot = await chooseTrustedRoot({
    ...(settings.trustedRootPath ? { path: settings.trustedRootPath } : {}),
    offline: settings.offline,
    ...(settings.cacheDir ? { cacheDir: settings.cacheDir } : {}),
    warn: onWarning,
  });
  const mirrored = settings.ociLayout !== undefined || settings.registryMirrors !== undefined;
  const carried = await carriedSignatures({ ...(settings.bundlesFrom !== undefined ? { bundlesFrom: settings.bundlesFrom } : {}), mirrored });
  const run = await verifyImages(referencesToVerify(references, view.inventory.images), {
    source,
    ...carried,
    trustedRoot,
    policy: { identity: settings.imageIdentity, issuer: settings.issuer },
    concurrency: settings.concurrency,
    ...(settings.fetchSettings?.timeoutMs !== undefined ? { timeoutMs: settings.fetchSettings.timeoutMs } : {}),
    // As verify-images does by default: the registry's layers must be the ones the SBOM lists.
    checkSbomLayers: true,
    onEvent: (event) => {
      if (event.type === 'image-start') onResult({ reference: event.reference, status: 'running', checks: [] });
      if (event.type === 'image-done') onResult(toResult(event.result));
    },
  });
  return run.images.map(toResult);
}
