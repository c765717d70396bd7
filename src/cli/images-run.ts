// The images command at run time: load (file, or a verified release download), list, filter, pin, diff, write.
import type { SbomFormat } from '../../parsers/model.js';
import { describeFsError, usageError } from '../common/errors.js';
import { sanitizeLine } from '../common/sanitize.js';
import type { ImagesCliOptions } from './commands/images.js';
import { loadSbomSource } from './sbom-source.js';
import { fetchSettingsFrom } from './release-options.js';

function parseMirrors(values: string[] | undefined): Record<string, string> | undefined {
  if (!values?.length) return undefined;
  const mirrors: Record<string, string> = {};
  for (const value of values) {
    const m = /^([^=\s]+)=([^=\s]+)$/.exec(value);
    if (!m) throw usageError('OPTION_INVALID', `--registry-mirror ${JSON.stringify(value)}: give FROM=TO, e.g. registry.k8s.io=127.0.0.1:5000`);
    mirrors[m[1]!] = m[2]!;
  }
  return mirrors;
}

export async function runImages(source: string, opts: ImagesCliOptions): Promise<number> {
  if (opts.keepTag && !opts.pin) throw usageError('OPTION_INVALID', '--keep-tag only makes sense with --pin');
  if (opts.diff && opts.pin) throw usageError('OPTION_INVALID', '--diff compares the documents; it cannot be combined with --pin');
  const format = opts.json ? 'json' : opts.format;
  if (opts.diff && format === 'md') throw usageError('OPTION_INVALID', '--diff prints txt, json, csv or yaml, not md');
  const mirrors = parseMirrors(opts.registryMirror);
  const { DocumentIndex } = await import('../sbom/document-index.js');
  const { buildImageInventory } = await import('../k8s/image-inventory.js');
  const { filterImages } = await import('../k8s/image-filter.js');
  const inventoryOf = async (src: string) => {
    const loaded = await loadSbomSource(src, {
      maxSize: opts.maxSize,
      inputFormat: opts.inputFormat as SbomFormat | undefined,
      release: opts,
      rekorEntry: opts.rekorEntry,
    });
    const inventory = buildImageInventory(new DocumentIndex(loaded.document));
    for (const w of inventory.warnings) process.stderr.write(`kube-sbom: warning: ${sanitizeLine(w)}\n`);
    const images = filterImages(inventory.images, { ...(opts.arch ? { architecture: opts.arch } : {}), ...(opts.name ? { name: opts.name } : {}) });
    return { loaded, inventory, images };
  };

  const main = await inventoryOf(source);
  let output: string;
  if (opts.diff) {
    const other = await inventoryOf(opts.diff);
    const { diffImages } = await import('../k8s/image-diff.js');
    const report = await import('../export/image-diff-report.js');
    const diff = diffImages(main.images, other.images);
    const labels = { before: main.loaded.label, after: other.loaded.label };
    if (format === 'yaml') output = (await import('yaml')).stringify(report.diffDocument(diff, labels));
    else output = format === 'json' ? report.diffToJson(diff, labels) : format === 'csv' ? report.diffToCsv(diff) : report.diffToText(diff, labels);
  } else {
    let resolvedDigests: Map<string, string> | undefined;
    if (opts.pin) {
      const { resolveImageDigests } = await import('../k8s/pin-images.js');
      const { createImageSource } = await import('../registry/index.js');
      const { pinDigest } = await import('../verify/pin-digest.js');
      const registry = createImageSource(mirrors ? { mirrors } : {});
      const { timeoutMs } = fetchSettingsFrom(opts);
      resolvedDigests = await resolveImageDigests(main.images, (reference) => pinDigest(registry, reference, timeoutMs));
    }
    const writers = await import('../export/image-list.js');
    const render =
      format === 'yaml'
        ? (await import('../export/image-list-yaml.js')).imagesToYaml
        : format === 'md'
          ? (await import('../export/image-report.js')).imagesToMarkdown
          : format === 'json'
            ? writers.imagesToJson
            : format === 'csv'
              ? writers.imagesToCsv
              : writers.imagesToTxt;
    output = render(main.images, {
      keepTag: opts.keepTag === true,
      ...(resolvedDigests ? { resolvedDigests } : {}),
      source: main.loaded.label,
      ...(main.inventory.releaseVersion ? { releaseVersion: main.inventory.releaseVersion } : {}),
    });
    if (main.inventory.images.length === 0) process.stderr.write('kube-sbom: warning: no images found in the document\n');
    else if (main.images.length === 0) {
      const arches = [...new Set(main.inventory.images.map((i) => i.architecture).filter(Boolean))].sort().join(', ');
      process.stderr.write(
        `kube-sbom: warning: none of the ${main.inventory.images.length} images match --arch/--name (architectures: ${sanitizeLine(arches || 'none')})\n`,
      );
    }
  }
  if (opts.output) {
    const { writeFileAtomic } = await import('../common/atomic-write.js');
    try {
      await writeFileAtomic(opts.output, output);
    } catch (err) {
      throw describeFsError(err, opts.output);
    }
  } else {
    const { writeStdout } = await import('./stdout.js');
    writeStdout(format === 'txt' || format === 'md' ? sanitizeLinesOnly(output) : output);
  }
  return 0;
}

/** Text lines go to a terminal: strip control sequences a hostile document could have smuggled into a name. */
function sanitizeLinesOnly(text: string): string {
  return text
    .split('\n')
    .map((l) => sanitizeLine(l))
    .join('\n');
}
