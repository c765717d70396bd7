// Validators for written documents: CycloneDX 1.6 (schemas vendored in test/fixtures) and SPDX 2.3 (read in place).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import { realdata } from './cli.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv | Ajv2019) => void;
const CYCLONEDX_DIR = join(import.meta.dirname, '..', 'fixtures', 'schemas', 'cyclonedx-1.6');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

let cyclonedx: ValidateFunction | undefined;
let spdx: ValidateFunction | undefined;

/**
 * CycloneDX 1.6 is draft-07. `strict: false` because the official schema uses keywords ajv's strict mode refuses
 * (e.g. `meta:enum`); iri-reference and idn-email are formats ajv-formats lacks, so they are accepted as strings.
 */
export function validateCycloneDx(bom: unknown): ErrorObject[] {
  if (!cyclonedx) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addFormat('iri-reference', true);
    ajv.addFormat('idn-email', true);
    ajv.addSchema(readJson(join(CYCLONEDX_DIR, 'spdx.schema.json')));
    ajv.addSchema(readJson(join(CYCLONEDX_DIR, 'jsf-0.82.schema.json')));
    cyclonedx = ajv.compile(readJson(join(CYCLONEDX_DIR, 'bom-1.6.schema.json')));
  }
  return cyclonedx(bom) ? [] : (cyclonedx.errors ?? []);
}

/** SPDX 2.3 is draft 2019-09. */
export function validateSpdx23(doc: unknown): ErrorObject[] {
  if (!spdx) {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats(ajv);
    spdx = ajv.compile(readJson(realdata('spdx', 'official', '2.3', 'spdx-schema-2.3.json')));
  }
  return spdx(doc) ? [] : (spdx.errors ?? []);
}
