// Which elements of the document are release artifacts the UI can verify: a binary or archive file (by its path),
// an image package (by its reference), a layer (by the image(s) that CONTAIN it). Cached per document.
import { classifyReleaseFile } from '../../verify/release-selection.js';
import type { ImageResult, SbomView } from '../ports.js';
import type { AppState } from './app-state.js';

export type ArtifactTarget = { kind: 'file'; path: string } | { kind: 'image'; references: string[] };

interface ViewArtifacts {
  imageById: Map<string, string>;
  /** Layer SPDXID -> the references of the images that CONTAIN it, found as each layer row is first asked about. */
  layerImages: Map<string, string[]>;
}

const cache = new WeakMap<SbomView, ViewArtifacts>();

function artifactsOf(view: SbomView): ViewArtifacts {
  let found = cache.get(view);
  if (!found) cache.set(view, (found = { imageById: new Map(view.images.map((i) => [i.spdxId, i.reference])), layerImages: new Map() }));
  return found;
}

/** Per layer, from its own incoming relationships: cheap for the rows on screen, whatever the number of images. */
function imagesOfLayer(view: SbomView, artifacts: ViewArtifacts, spdxId: string): string[] {
  let references = artifacts.layerImages.get(spdxId);
  if (!references) {
    references = [];
    const containers = view.containers ? view.containers(spdxId) : (view.detail(spdxId)?.incoming ?? []).filter((l) => l.type === 'CONTAINS').map((l) => l.id);
    for (const id of containers) {
      const reference = artifacts.imageById.get(id);
      if (reference !== undefined && !references.includes(reference)) references.push(reference);
    }
    artifacts.layerImages.set(spdxId, references);
  }
  return references;
}

/** The path as the release's download location names it: the SBOM's, without a leading `./`. */
export const releasePath = (name: string) => name.replace(/^\.\//, '');

/** What verifying the element at rows[index] checks, or undefined when it is not a release artifact. */
export function artifactOf(view: SbomView, index: number): ArtifactTarget | undefined {
  const row = view.rows[index];
  if (!row) return undefined;
  if (row.kind === 'binary' || row.kind === 'file') {
    const path = releasePath(row.name);
    return classifyReleaseFile(path) ? { kind: 'file', path } : undefined;
  }
  const artifacts = artifactsOf(view);
  if (row.kind === 'image') {
    const reference = artifacts.imageById.get(row.spdxId);
    return reference ? { kind: 'image', references: [reference] } : undefined;
  }
  if (row.kind === 'layer') {
    const references = imagesOfLayer(view, artifacts, row.spdxId);
    return references.length > 0 ? { kind: 'image', references } : undefined;
  }
  return undefined;
}

/** The results that speak for a target: the file's, or each of its images'. */
export function resultsOf(state: AppState, target: ArtifactTarget): Array<ImageResult | undefined> {
  return target.kind === 'file' ? [state.files.results[target.path]] : target.references.map((r) => state.images.results[r]);
}

/** One status for a row: a layer in several images is only verified when every one of them is. */
export function combinedStatus(results: Array<ImageResult | undefined>): ImageResult['status'] | undefined {
  const statuses = results.map((r) => r?.status);
  for (const s of ['running', 'pending', 'failed', 'unchecked'] as const) if (statuses.includes(s)) return s;
  return statuses.length > 0 && statuses.every((s) => s === 'verified') ? 'verified' : undefined;
}

/** Splits targets into the file paths and image references to verify, each once. */
export function splitTargets(targets: ArtifactTarget[]): { paths: string[]; references: string[] } {
  const paths = new Set<string>();
  const references = new Set<string>();
  for (const t of targets) {
    if (t.kind === 'file') paths.add(t.path);
    else t.references.forEach((r) => references.add(r));
  }
  return { paths: [...paths], references: [...references] };
}
