// Verifying images through the verify-images use case: registry or OCI layout, the trusted root, the signer policy.
import type { ImageVerification } from '../../verify/verify-image.js';
import type { ImageResult, SbomView } from '../ports.js';
import { internals } from './document-view.js';
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
): Promise<ImageResult[]> {
  const inventory = internals.get(view)?.images ?? [];
  const byRef = new Map(inventory.map((i) => [i.reference, i]));
  const { createImageSource } = await import('../../registry/index.js');
  const { resolveTrustedRoot, sigstoreTufFetcher } = await import('../../sigstore/trust-source.js');
  const { readFile } = await import('node:fs/promises');
  const { verifyImages } = await import('../../verify/verify-images.js');
  const source = createImageSource({
    ...(settings.ociLayout ? { ociLayout: settings.ociLayout } : {}),
    ...(settings.registryMirrors ? { mirrors: settings.registryMirrors } : {}),
    allowHttp: settings.allowHttpRegistry,
    userAgent: 'kube-sbom',
  });
  const trustedRoot = await resolveTrustedRoot({
    ...(settings.trustedRootPath ? { trustedRootFile: { path: settings.trustedRootPath, text: await readFile(settings.trustedRootPath, 'utf8') } } : {}),
    offline: settings.offline,
    tuf: sigstoreTufFetcher(settings.cacheDir ? { cacheDir: settings.cacheDir } : {}),
    warn: () => undefined,
  });
  const run = await verifyImages(
    references.map((reference) => {
      const image = byRef.get(reference);
      return {
        reference,
        ...(image
          ? {
              platform: { os: image.os ?? 'linux', architecture: image.architecture ?? 'amd64' },
              layers: image.layers,
              layerKind: image.layerDigestKind ?? 'diff-id',
            }
          : {}),
      };
    }),
    {
      source,
      trustedRoot,
      policy: { identity: settings.imageIdentity, issuer: settings.issuer },
      concurrency: settings.concurrency,
      // As verify-images does by default: the registry's layers must be the ones the SBOM lists.
      checkSbomLayers: true,
      onEvent: (event) => {
        if (event.type === 'image-start') onResult({ reference: event.reference, status: 'running', checks: [] });
        if (event.type === 'image-done') onResult(toResult(event.result));
      },
    },
  );
  return run.images.map(toResult);
}
