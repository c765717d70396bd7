// The images command at run time: load (file, or a verified release download), list, filter, pin, diff, write.
import type { SbomFormat } from '../../parsers/model.js';
import { sourceOf } from '../app/source-kind.js';
import { KubeSbomError, usageError } from '../common/errors.js';
import { writeOutputFile } from '../common/output-file.js';
import { sanitizeForTerminal } from '../common/sanitize.js';
import { diffDocument, diffToCsv, diffToJson, diffToText } from '../export/image-diff-report.js';
import { imagesToCsv, imagesToJson, imagesToTxt } from '../export/image-list.js';
import { imagesToMarkdown } from '../export/image-report.js';
import { diffImages } from '../k8s/image-diff.js';
import { filterImages } from '../k8s/image-filter.js';
import { buildImageInventory } from '../k8s/image-inventory.js';
import { foldMultiArch } from '../k8s/multi-arch.js';
import { resolveImageDigests } from '../k8s/pin-images.js';
import { DocumentIndex } from '../sbom/document-index.js';
import { parseMirrors } from './registry-mirrors.js';
import { warn, writeSerialized, writeText } from './output.js';
import type { ReleaseCliOptions } from './release-options.js';
import { loadSbomSource } from './sbom-source.js';
import { fetchSettingsFrom } from './release-options.js';
import { wantsJson } from './shared-options.js';

export interface ImagesCliOptions extends ReleaseCliOptions {
  format: 'txt' | 'json' | 'csv' | 'yaml' | 'md';
  arch?: string;
  name?: string;
  output?: string;
  pin?: boolean;
  keepTag?: boolean;
  multiArch?: boolean;
  diff?: string;
  /** The --diff release's own carried signature material (--rekor-entry and --sbom-bundle are the first release's). */
  diffRekorEntry?: string;
  diffSbomBundle?: string;
  registryMirror?: string[];
  ociLayout?: string;
  maxSize: string;
  inputFormat?: string;
}

export async function runImages(source: string, opts: ImagesCliOptions): Promise<number> {
  if (opts.keepTag && !opts.pin) throw usageError('OPTION_INVALID', '--keep-tag only makes sense with --pin');
  if (opts.diff && opts.pin) throw usageError('OPTION_INVALID', '--diff compares the documents; it cannot be combined with --pin');
  const format = wantsJson(opts) ? 'json' : opts.format;
  if (opts.diff && opts.multiArch) throw usageError('OPTION_INVALID', '--diff compares per-architecture entries; it cannot be combined with --multi-arch');
  if (opts.diff && format === 'md') throw usageError('OPTION_INVALID', '--diff prints txt, json, csv or yaml, not md');
  if (!opts.diff && (opts.diffRekorEntry !== undefined || opts.diffSbomBundle !== undefined))
    throw usageError('OPTION_INVALID', '--diff-rekor-entry and --diff-sbom-bundle are for the release given with --diff VERSION');
  if (opts.diff && opts.diffSbomBundle !== undefined && sourceOf(opts.diff).kind !== 'release')
    throw usageError(
      'OPTION_CONFLICT',
      `--diff-sbom-bundle checks a release VERSION download; --diff ${sanitizeForTerminal(opts.diff)} is a file, read as it is`,
    );
  parseMirrors(opts.registryMirror);
  const inventoryOf = async (src: string, release: ReleaseCliOptions) => {
    const loaded = await loadSbomSource(src, {
      maxSize: opts.maxSize,
      ...(opts.inputFormat ? { inputFormat: opts.inputFormat as SbomFormat } : {}),
      release,
    });
    const inventory = buildImageInventory(new DocumentIndex(loaded.document));
    for (const w of inventory.warnings) warn(w);
    const byArch = filterImages(inventory.images, opts.arch ? { architecture: opts.arch } : {});
    // --name matches the name printed: with --multi-arch that is kube-proxy, not kube-proxy-amd64.
    const images = filterImages(opts.multiArch ? foldMultiArch(byArch) : byArch, opts.name ? { name: opts.name } : {});
    return { loaded, inventory, images };
  };

  const main = await inventoryOf(source, opts);
  let output: string;
  if (opts.diff) {
    // Each release is checked with its own signature material: one release's bundle never vouches for the other.
    const { diffRekorEntry, diffSbomBundle, rekorEntry: _first, sbomBundle: _firstBundle, ...shared } = opts;
    const other = await inventoryOf(opts.diff, {
      ...shared,
      ...(diffRekorEntry !== undefined ? { rekorEntry: diffRekorEntry } : {}),
      ...(diffSbomBundle !== undefined ? { sbomBundle: diffSbomBundle } : {}),
    }).catch((err: unknown) => {
      // The advice names the first release's flags; the --diff release has its own.
      if (err instanceof KubeSbomError && err.code === 'OFFLINE_NOT_CACHED')
        throw new KubeSbomError(err.code, `${err.message} (for the --diff release: --diff-rekor-entry or --diff-sbom-bundle)`, { kind: err.kind, cause: err });
      throw err;
    });
    const diff = diffImages(main.images, other.images);
    const labels = { before: main.loaded.label, after: other.loaded.label };
    // The YAML library loads only for YAML output.
    if (format === 'yaml') output = (await import('../export/yaml-text.js')).toYamlText(diffDocument(diff, labels));
    else output = format === 'json' ? diffToJson(diff, labels) : format === 'csv' ? diffToCsv(diff) : diffToText(diff, labels);
  } else {
    let resolvedDigests: Map<string, string> | undefined;
    let platformDigests: Map<string, string> | undefined;
    if (opts.pin) {
      // The registry client (and its HTTP stack) loads only when a registry is asked.
      const { assertOfflineAllows, imageSourceFrom } = await import('./image-run-options.js');
      const { parseReference } = await import('../registry/reference.js');
      const imageOptions = {
        ...(opts.registryMirror ? { registryMirror: opts.registryMirror } : {}),
        ...(opts.ociLayout ? { ociLayout: opts.ociLayout } : {}),
      };
      // --offline: only a registry on this machine or the layout, never registry.k8s.io behind the user's back.
      assertOfflineAllows(
        { ...imageOptions, offline: opts.offline === true },
        main.images.map((i) => parseReference(i.reference).registry),
      );
      const registry = imageSourceFrom(imageOptions);
      const { timeoutMs } = fetchSettingsFrom(opts);
      if (opts.multiArch) {
        const { pinMultiArch } = await import('./images-multi-arch.js');
        ({ resolvedDigests, platformDigests } = await pinMultiArch(main.images, registry, timeoutMs));
      } else {
        const { pinDigest } = await import('../verify/pin-digest.js');
        resolvedDigests = await resolveImageDigests(main.images, (reference) => pinDigest(registry, reference, timeoutMs));
      }
    }
    const render =
      format === 'yaml'
        ? (await import('../export/image-list-yaml.js')).imagesToYaml
        : format === 'md'
          ? imagesToMarkdown
          : format === 'json'
            ? imagesToJson
            : format === 'csv'
              ? imagesToCsv
              : imagesToTxt;
    output = render(main.images, {
      keepTag: opts.keepTag === true,
      ...(resolvedDigests ? { resolvedDigests } : {}),
      ...(platformDigests ? { platformDigests } : {}),
      source: main.loaded.label,
      ...(main.inventory.releaseVersion ? { releaseVersion: main.inventory.releaseVersion } : {}),
    });
    if (main.inventory.images.length === 0) warn('no images found in the document');
    else if (main.images.length === 0) {
      const arches = [...new Set(main.inventory.images.map((i) => i.architecture).filter(Boolean))].sort().join(', ');
      warn(`none of the ${main.inventory.images.length} images match --arch/--name (architectures: ${arches || 'none'})`);
    }
  }
  // JSON, CSV and YAML writers escape for themselves; txt and md are cleaned here, for a file as for a terminal.
  const textual = format === 'txt' || format === 'md';
  if (opts.output) {
    await writeOutputFile(opts.output, textual ? sanitizeForTerminal(output) : output);
  } else if (textual) {
    writeText(output);
  } else {
    writeSerialized(output);
  }
  return 0;
}
