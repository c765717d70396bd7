// What export and verify-images --export-sbom share: the formats, the timestamp written, the not-expressed warnings.
import { describeNotExpressed, type NotExpressed } from '../export/not-expressed.js';
import { warn } from './output.js';

export type ExportFormat = 'cyclonedx-json' | 'spdx-json';

/** Now, to the second, as SPDX writes dates (and CycloneDX accepts). */
export const nowTimestamp = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

export function reportNotExpressed(format: ExportFormat, list: readonly NotExpressed[]): void {
  const name = format === 'cyclonedx-json' ? 'CycloneDX' : 'SPDX 2.3 JSON';
  for (const entry of list) warn(describeNotExpressed(name, entry));
}
