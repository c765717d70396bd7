// The export command at run time: load (file, or a verified release), convert, list what did not fit, write.
import type { SbomFormat } from '../../parsers/model.js';
import { usageError } from '../common/errors.js';
import { writeOutputFile } from '../common/output-file.js';
import { packageVersion } from '../common/package-info.js';
import { documentToCycloneDx } from '../export/cyclonedx-bom.js';
import { imagesToCycloneDx, imagesToSpdxJson } from '../export/image-bom.js';
import type { NotExpressed } from '../export/not-expressed.js';
import { documentToSpdxJson } from '../export/spdx-json.js';
import { filterImages } from '../k8s/image-filter.js';
import { buildImageInventory } from '../k8s/image-inventory.js';
import { DocumentIndex } from '../sbom/document-index.js';
import { documentVerificationProperties } from './export-properties.js';
import { nowTimestamp, reportNotExpressed, type ExportFormat } from './export-output.js';
import { warn, writeJson, writeSerialized } from './output.js';
import type { ReleaseCliOptions } from './release-options.js';
import { loadSbomSource } from './sbom-source.js';

export interface ExportCliOptions extends ReleaseCliOptions {
  format: ExportFormat;
  output?: string;
  images?: boolean;
  arch?: string;
  name?: string;
  maxSize: string;
  inputFormat?: string;
}

export async function runExport(source: string, opts: ExportCliOptions): Promise<number> {
  if (opts.json && !opts.output) throw usageError('OPTION_INVALID', '--json prints a report on stdout: give -o FILE for the exported SBOM');
  if (!opts.images && (opts.arch || opts.name)) throw usageError('OPTION_INVALID', '--arch and --name choose images: add --images');
  const loaded = await loadSbomSource(source, {
    maxSize: opts.maxSize,
    ...(opts.inputFormat ? { inputFormat: opts.inputFormat as SbomFormat } : {}),
    release: opts,
  });
  const properties = documentVerificationProperties(loaded.verification);
  let written: { text: string; notExpressed: NotExpressed[] };
  let counts: Record<string, number>;
  if (opts.images) {
    const inventory = buildImageInventory(new DocumentIndex(loaded.document));
    for (const w of inventory.warnings) warn(w);
    const images = filterImages(inventory.images, { ...(opts.arch ? { architecture: opts.arch } : {}), ...(opts.name ? { name: opts.name } : {}) });
    if (images.length === 0) warn(inventory.images.length === 0 ? 'no images found in the document' : 'no image matches --arch/--name');
    const input = {
      images,
      source: loaded.label,
      namespace: loaded.document.documentNamespace,
      created: nowTimestamp(),
      toolVersion: packageVersion(),
      sourceProperties: properties,
    };
    written = opts.format === 'cyclonedx-json' ? imagesToCycloneDx(input) : imagesToSpdxJson(input);
    counts = { images: images.length };
  } else {
    const doc = loaded.document;
    const tool = `Tool: kube-sbom-${packageVersion()}`;
    const now = nowTimestamp();
    written =
      opts.format === 'cyclonedx-json'
        ? documentToCycloneDx(doc, { properties })
        : documentToSpdxJson(doc, {
            export: { created: now, creator: tool },
            annotations: [{ annotator: tool, date: now, comment: properties.map((p) => `${p.name}=${p.value}`).join('\n') }],
          });
    counts = { packages: doc.packages.length, files: doc.files.length, snippets: doc.snippets.length, relationships: doc.relationships.length };
  }
  reportNotExpressed(opts.format, written.notExpressed);
  if (opts.output) await writeOutputFile(opts.output, written.text);
  else writeSerialized(written.text);
  if (opts.json)
    writeJson({ format: opts.format, source: loaded.label, output: opts.output, images: opts.images === true, counts, notExpressed: written.notExpressed });
  return 0;
}
