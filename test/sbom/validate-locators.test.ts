// External reference locators on real documents: syft writes a Debian epoch in a CPE 2.3 as an escaped colon
// (`1\:2.33.1`), which the CPE 2.3 formatted-string grammar allows; a purl that is a URL is still an error.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';
import { validateDocument } from '../../src/sbom/validate.js';
import { realdata, realdataMissing } from '../helpers/cli.js';

function locatorErrors(...path: string[]) {
  const { document } = parseSbom(readFileSync(realdata(...path)));
  return validateDocument(document).filter((d) => d.code === 'EXTERNAL_REF_LOCATOR');
}

describe.skipIf(realdataMissing)('EXTERNAL_REF_LOCATOR on real documents', () => {
  it('accepts CPE 2.3 names with escaped colons (syft, Debian epochs)', () => {
    const path = ['spdx', 'real-world', 'same-image-4-tools', 'atlassian_pipelines-kubernetes-namespace-expiry.syft.spdx.json'];
    expect(readFileSync(realdata(...path), 'utf8')).toContain('cpe:2.3:a:bsdutils:bsdutils:1\\\\:2.33.1-0.1:');
    expect(locatorErrors(...path)).toEqual([]);
  });

  it('still reports a purl locator that is a URL (Microsoft sbom-tool)', () => {
    const errors = locatorErrors('spdx', 'real-world', 'in-the-wild', 'microsoft-sbom-tool-1.1.1.spdx.json');
    expect(errors.map((d) => d.message)).toEqual(['purl locator "https://github.com/actions/virtual-environments" is malformed']);
  });
});
