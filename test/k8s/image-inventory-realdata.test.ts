// Image inventories of real image SBOMs, read in place from ../shared/realdata.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';
import { buildImageInventory } from '../../src/k8s/image-inventory.js';
import { DocumentIndex } from '../../src/sbom/document-index.js';
import { realdata, realdataMissing } from '../helpers/cli.js';

const inventoryOf = (...path: string[]) => buildImageInventory(new DocumentIndex(parseSbom(readFileSync(realdata(...path))).document));

describe.skipIf(realdataMissing)('image inventory of real image SBOMs', () => {
  it('apko: the layer package with a pkg:oci layer purl is a layer of the image, not a second image', () => {
    const text = readFileSync(realdata('spdx', 'real-world', 'tools', 'apko-curl.spdx.json'), 'utf8');
    expect(text).toContain('mediaType=application%2Fvnd.oci.image.layer.v1.tar%2Bgzip');
    const { images } = inventoryOf('spdx', 'real-world', 'tools', 'apko-curl.spdx.json');
    expect(images.map((i) => [i.reference, i.kind, i.architecture, i.layers, i.layerDigestKind])).toEqual([
      [
        'curl@sha256:47fed8868b46b060efb8699dc40e981a0c785650223e03602d8c4493fc75b68c',
        'platform',
        'amd64',
        ['sha256:c6580b9a4fded304babd53a027a183c3f9d11863ba1c847971793a139801f707'],
        'blob',
      ],
    ]);
  });
});
