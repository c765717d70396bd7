// The real registry.k8s.io signature in ../shared/realdata, pushed (read in place) into a test registry the way
// registry.k8s.io stores it: a sha256-<hex>.sig manifest under cluster-api/cluster-api-controller.
import { readFileSync } from 'node:fs';
import { realdata } from './cli.js';
import { pushLegacySignatures } from './registry-push.js';

export const CLUSTER_API_DIR = 'k8s/cosign-signature/registry.k8s.io_cluster-api_cluster-api-controller_v1.5.0';
export const CLUSTER_API_REPO = 'cluster-api/cluster-api-controller';
export const CLUSTER_API_DIGEST = 'sha256:f34016d3a494f9544a16137c9bba49d8756c574a0a1baf96257903409ef82f77';
export const PUBLIC_GOOD_ROOT = 'sigstore/public-good-trust-root/trusted_root.json';

/** payload.json as the layer blob, the reconstructed descriptor's annotations on the layer. */
export async function pushRealClusterApiSignature(registryUrl: string): Promise<void> {
  const payload = readFileSync(realdata(CLUSTER_API_DIR, 'payload.json'));
  const layer = JSON.parse(readFileSync(realdata(CLUSTER_API_DIR, 'signature-layer-descriptor.RECONSTRUCTED.json'), 'utf8')) as {
    annotations: Record<string, string>;
  };
  await pushLegacySignatures({ url: registryUrl }, CLUSTER_API_REPO, CLUSTER_API_DIGEST, [{ payload, annotations: layer.annotations }]);
}
