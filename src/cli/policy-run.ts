// policy at run time: the release SBOM (a file, or a verified download), its images folded into one pattern per
// repository, and the admission policy for them written as YAML (stdout or -o FILE, atomically).
import type { SbomFormat } from '../../parsers/model.js';
import { checkError, usageError } from '../common/errors.js';
import { writeOutputFile } from '../common/output-file.js';
import { toJsonText } from '../common/json-text.js';
import { sanitizeLine } from '../common/sanitize.js';
import { toYamlText } from '../export/yaml-text.js';
import { buildImageInventory } from '../k8s/image-inventory.js';
import { releaseClusterImagePolicy, releaseImagePatterns, releaseKyvernoPolicy, type ReleasePolicySettings } from '../k8s/release-policy.js';
import { DocumentIndex } from '../sbom/document-index.js';
import { outputSettings, warn, writeReport, writeSerialized } from './output.js';
import type { ReleaseCliOptions } from './release-options.js';
import { loadSbomSource } from './sbom-source.js';

export interface PolicyCliOptions extends ReleaseCliOptions {
  format: 'cip' | 'kyverno';
  output?: string;
  name?: string;
  mode: string;
  imageIdentity: string;
  imageIssuer: string;
  fulcioUrl: string;
  ctlogUrl: string;
  maxSize: string;
  inputFormat?: string;
  json?: boolean;
}

// A Kubernetes object name: lowercase letters, digits and '-', at most 63 characters here.
const OBJECT_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export async function runPolicy(source: string, opts: PolicyCliOptions): Promise<number> {
  if (opts.mode !== 'enforce' && opts.mode !== 'warn') throw usageError('OPTION_INVALID', `--mode ${opts.mode}: give enforce or warn`);
  if (opts.name !== undefined && !OBJECT_NAME.test(opts.name)) {
    throw usageError('OPTION_INVALID', `--name ${sanitizeLine(opts.name)}: a Kubernetes object name is lowercase letters, digits and '-' (at most 63)`);
  }
  const loaded = await loadSbomSource(source, {
    maxSize: opts.maxSize,
    ...(opts.inputFormat ? { inputFormat: opts.inputFormat as SbomFormat } : {}),
    release: opts,
  });
  const inventory = buildImageInventory(new DocumentIndex(loaded.document));
  for (const w of inventory.warnings) warn(w);
  if (inventory.images.length === 0)
    throw checkError('NO_IMAGES', `${loaded.label}: the SBOM lists no container images, so there is nothing to write a policy for`);
  const patterns = releaseImagePatterns(inventory.images);
  const version = inventory.releaseVersion
    ?.toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const settings: ReleasePolicySettings = {
    name: opts.name ?? (version ? `kubernetes-${version}`.slice(0, 63).replace(/-+$/, '') : 'kubernetes-release-images'),
    mode: opts.mode,
    identity: opts.imageIdentity,
    issuer: opts.imageIssuer,
    fulcioUrl: opts.fulcioUrl,
    rekorUrl: opts.ctlogUrl,
  };
  const document = opts.format === 'kyverno' ? releaseKyvernoPolicy(patterns, settings) : releaseClusterImagePolicy(patterns, settings);
  const header =
    `# Written by kube-sbom policy from ${sanitizeLine(loaded.label)}: ${patterns.length} repositor${patterns.length === 1 ? 'y' : 'ies'} of the release,\n` +
    `# admitted only when signed by ${sanitizeLine(settings.identity)} (issuer ${sanitizeLine(settings.issuer)}).\n`;
  // --json: the same object as JSON (kubectl applies either); JSON has no comments, so no header.
  const text = opts.json ? toJsonText(document) : header + toYamlText(document);
  if (opts.output) {
    await writeOutputFile(opts.output, text);
    if (!outputSettings().quiet)
      writeReport(`wrote ${opts.output}: ${opts.format === 'kyverno' ? 'Kyverno ClusterPolicy' : 'ClusterImagePolicy'} ${settings.name}\n`);
  } else writeSerialized(text);
  return 0;
}
