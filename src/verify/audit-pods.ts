// Use case: what runs in a cluster (kubectl get pods -o json) against the registry and the release SBOM: the digest
// that runs, whether the spec pins it, drift (the tag now points elsewhere), and whether it is a release image,
// by digest or by layers. Signatures are judged by the policies (check-policies.ts) on name@running-digest.
import { KubeSbomError } from '../common/errors.js';
import { sanitizeLine } from '../common/sanitize.js';
import type { ContainerImage } from '../k8s/image-types.js';
import type { RunningContainer } from '../k8s/pod-list.js';
import { mapLimited } from '../registry/limiter.js';
import { parseReference } from '../registry/reference.js';
import { fetchImageManifest, resolveDigestFrom } from '../registry/resolve.js';
import type { ImageSource } from '../registry/source.js';
import { checkSbomLayers } from './image-layers.js';

export interface PodAudit extends RunningContainer {
  /** The spec names the image by digest. */
  pinned: boolean;
  /** name@digest of what runs: the reference the policies are evaluated on. */
  reference?: string;
  /** none: the tag still points at what runs; drift: it points elsewhere now; unknown: could not tell (a failure). */
  drift: { status: 'none' | 'drift' | 'unknown'; current?: string; message: string };
  /** With an SBOM: the release's image by digest or by layers, not a release image, or a release name with other content. */
  release?: { status: 'digest' | 'layers' | 'not-release' | 'mismatch' | 'unknown'; message: string };
}

export interface AuditOptions {
  source: ImageSource;
  sbomImages?: readonly ContainerImage[];
  concurrency: number;
}

const message = (err: unknown) => sanitizeLine(err instanceof KubeSbomError ? err.message : String((err as Error)?.message ?? err));

export async function auditPods(containers: RunningContainer[], options: AuditOptions): Promise<PodAudit[]> {
  // Tags are resolved once each however many pods use them.
  const current = new Map<string, Promise<string>>();
  const resolve = (image: string) => {
    let pending = current.get(image);
    if (!pending) current.set(image, (pending = resolveDigestFrom(options.source, image).then((r) => r.digest)));
    return pending;
  };
  return mapLimited(containers, options.concurrency, async (c) => {
    const spec = c.specImage ? safeParse(c.specImage) : undefined;
    const audit: PodAudit = { ...c, pinned: spec?.digest !== undefined, drift: { status: 'unknown', message: '' } };
    if (!c.running && c.localImageId && c.specImage) await identifyByConfig(audit, c.localImageId, c.specImage, options.source);
    if (audit.running) audit.reference = `${audit.running.name}@${audit.running.digest}`;
    audit.drift = await drift(audit, spec, resolve);
    if (options.sbomImages && audit.running) audit.release = await releaseMatch(audit.running, options.sbomImages, options.source);
    else if (options.sbomImages) audit.release = { status: 'unknown', message: 'the running digest is unknown' };
    return audit;
  });
}

function safeParse(image: string) {
  try {
    return parseReference(image);
  } catch {
    return undefined;
  }
}

/** Only a local image ID: the tag's manifest (or one of its index's) must have that config to say which digest runs. */
async function identifyByConfig(audit: PodAudit, localImageId: string, specImage: string, source: ImageSource): Promise<void> {
  try {
    const top = await fetchImageManifest(source, specImage);
    const name = specImage.replace(/@.*$/, '').replace(/:[^:/]+$/, '');
    const ref = parseReference(specImage);
    const candidates = top.manifest.kind === 'manifest' ? [top] : await Promise.all(top.manifest.manifests.map((d) => source.fetchManifest(ref, d.digest)));
    const match = candidates.find((m) => m?.manifest.kind === 'manifest' && m.manifest.config.digest === localImageId);
    if (match) audit.running = { name, digest: match.digest };
  } catch {
    // Left unidentified: the report says the running digest is unknown, which fails the audit.
  }
}

async function drift(audit: PodAudit, spec: ReturnType<typeof safeParse>, resolve: (image: string) => Promise<string>): Promise<PodAudit['drift']> {
  if (!audit.running) {
    const why = audit.localImageId
      ? `the runtime reports only its local image ID ${audit.localImageId}, and no manifest of ${audit.specImage ?? 'the image'} has that config`
      : `imageID ${JSON.stringify(sanitizeLine(audit.imageId))} names no registry digest`;
    return { status: 'unknown', message: why };
  }
  if (!spec || !audit.specImage) return { status: 'unknown', message: 'the pod spec names no image reference' };
  if (spec.digest) {
    return spec.digest === audit.running.digest
      ? { status: 'none', current: spec.digest, message: 'pinned; runs the pinned digest' }
      : { status: 'drift', current: spec.digest, message: `pinned to ${spec.digest}, runs ${audit.running.digest}` };
  }
  try {
    const now = await resolve(audit.specImage);
    return now === audit.running.digest
      ? { status: 'none', current: now, message: `${spec.tag ?? 'latest'} still points at the running digest` }
      : { status: 'drift', current: now, message: `${spec.tag ?? 'latest'} now points at ${now}; ${audit.running.digest} runs` };
  } catch (err) {
    return { status: 'unknown', message: `could not resolve ${sanitizeLine(audit.specImage)}: ${message(err)}` };
  }
}

async function releaseMatch(
  running: { name: string; digest: string },
  sbom: readonly ContainerImage[],
  source: ImageSource,
): Promise<NonNullable<PodAudit['release']>> {
  const byDigest = sbom.find((i) => i.digest === running.digest);
  if (byDigest) return { status: 'digest', message: `the SBOM lists this digest (${byDigest.reference})` };
  const ref = safeParse(`${running.name}@${running.digest}`);
  if (!ref) return { status: 'unknown', message: `${sanitizeLine(running.name)} is not an image name` };
  const name = `${ref.registry}/${ref.repository}`;
  // The same repository, or its per-architecture names (kube-apiserver -> kube-apiserver-amd64).
  const candidates = sbom.filter((i) => {
    const full = `${i.registry || 'registry.k8s.io'}/${i.repository}`;
    return full === name || (i.architecture !== undefined && full === `${name}-${i.architecture}`);
  });
  if (candidates.length === 0) return { status: 'not-release', message: 'not an image of the release SBOM' };
  try {
    const top = await fetchImageManifest(source, ref);
    const failures: string[] = [];
    for (const c of candidates) {
      const expected = { platform: { os: c.os ?? 'linux', architecture: c.architecture ?? 'amd64' }, layers: c.layers, kind: c.layerDigestKind ?? 'diff-id' };
      try {
        const check = await checkSbomLayers(source, ref, top, expected);
        if (check.status === 'pass') return { status: 'layers', message: `${check.message} (${c.reference})` };
        failures.push(`${c.reference}: ${check.message}`);
      } catch (err) {
        failures.push(`${c.reference}: ${message(err)}`);
      }
    }
    return { status: 'mismatch', message: `a release image name, but neither its digest nor its layers are the release's: ${failures.join('; ')}` };
  } catch (err) {
    return { status: 'unknown', message: message(err) };
  }
}
