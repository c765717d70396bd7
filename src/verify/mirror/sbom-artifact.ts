// `mirror --sbom`: the verified release SBOM, its .sha256/.sha512/.sig/.cert and release.sigstore.json carried to the
// target as one OCI artifact (ORAS-style: a layer per file, titled with its name), tagged with the release version.
import { Readable } from 'node:stream';
import { checkError } from '../../common/errors.js';
import { sha256Digest } from '../../registry/digest.js';
import type { Descriptor } from '../../registry/manifest.js';
import { OCI_EMPTY, OCI_MANIFEST, SIGSTORE_BUNDLE_V03 } from '../../registry/media-types.js';
import type { RepoRef } from '../../registry/source.js';
import { bundleFile } from '../bundle-file.js';
import { withReleaseSession, type ReleaseSourceOptions } from '../release-session.js';
import { checkReleaseSbom } from '../verify-sbom.js';
import { readVerifiedFile } from '../verified-file.js';
import type { MirrorTarget } from './mirror-target.js';

/** Where the artifact is named: sbom.k8s.io/kubernetes-release-sbom:VERSION (a registry target adds its prefix). */
export const SBOM_ARTIFACT_REPO: RepoRef = { registry: 'sbom.k8s.io', repository: 'kubernetes-release-sbom' };
export const SBOM_ARTIFACT_TYPE = 'application/vnd.kube-sbom.release-sbom.v1';
const TITLE = 'org.opencontainers.image.title';

export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/** The release SBOM and its proof, downloaded (or taken from the cache) and verified again; all or nothing. */
export async function verifiedReleaseSbomFiles(version: string, options: ReleaseSourceOptions): Promise<{ version: string; files: NamedBytes[] }> {
  return withReleaseSession(version, options, async (session) => {
    const result = await checkReleaseSbom(session, options, { bundle: true });
    if (!result.report.verified) throw checkError('SBOM_NOT_VERIFIED', `release SBOM of ${result.report.version} did not verify; nothing carried`);
    await result.commit();
    const files = [...result.files, bundleFile('release', result.bundle, 'the mirror')];
    const named = await Promise.all(
      files.map(async (f) => ({ name: f.name, bytes: 'data' in f ? Buffer.from(f.data) : await readVerifiedFile(f, 'not carried') })),
    );
    return { version: result.report.version, files: named };
  });
}

function mediaTypeOf(name: string): string {
  if (name.endsWith('.sigstore.json')) return SIGSTORE_BUNDLE_V03;
  if (name === 'release') return 'text/spdx';
  if (name.endsWith('.cert')) return 'application/x-pem-file';
  return 'text/plain';
}

/** Pushes the files as one artifact and returns its reference in the target and its digest. */
export async function carrySbom(target: MirrorTarget, version: string, files: NamedBytes[]): Promise<{ reference: string; digest: string }> {
  const repo = target.repoFor(SBOM_ARTIFACT_REPO);
  const empty = Buffer.from('{}');
  const config: Descriptor = { mediaType: OCI_EMPTY, digest: sha256Digest(empty), size: empty.length };
  const layers: Descriptor[] = files.map((f) => ({
    mediaType: mediaTypeOf(f.name),
    digest: sha256Digest(f.bytes),
    size: f.bytes.byteLength,
    annotations: { [TITLE]: f.name },
  }));
  for (const [blob, bytes] of [[config, empty] as const, ...layers.map((l, i) => [l, files[i]!.bytes] as const)]) {
    if (!(await target.hasBlob(repo, blob))) await target.putBlob(repo, blob, async () => Readable.from([bytes]));
  }
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, artifactType: SBOM_ARTIFACT_TYPE, config, layers }));
  const digest = sha256Digest(manifest);
  await target.putManifest(repo, { digest, bytes: manifest, mediaType: OCI_MANIFEST, tag: version, image: false });
  await target.flush();
  // Read back: the tag names this manifest and every file comes back whole.
  const reader = target.reader();
  const back = await reader.fetchManifest(repo, version);
  if (back?.digest !== digest)
    throw checkError('TARGET_CHECK_FAILED', `${repo.registry}/${repo.repository}:${version} in the target is not the artifact written`);
  for (const l of layers) for await (const _ of await reader.openBlob(repo, l.digest, l.size));
  return { reference: `${repo.registry}/${repo.repository}:${version}`, digest };
}
