// The UI's document view of CycloneDX and SPDX 3 documents: the Detail screen shows what SPDX 2 has no field for
// (bom-ref, component type, the document's own properties, the SPDX 3 IRI), and container components are images.
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createPorts, type TuiSettings } from '../../../src/tui/adapters/index.js';
import { realdata, realdataMissing } from '../../helpers/cli.js';

const settings: TuiSettings = {
  sbomUrl: 'https://sbom.k8s.io',
  dlUrl: 'https://dl.k8s.io',
  rekorUrl: 'https://rekor.sigstore.dev',
  releaseIdentity: 'krel-staging@k8s-releng-prod.iam.gserviceaccount.com',
  imageIdentity: 'krel-trust@k8s-releng-prod.iam.gserviceaccount.com',
  issuer: 'https://accounts.google.com',
  offline: true,
  allowHttpRegistry: false,
  exportDir: tmpdir(),
  maxBytes: 64 << 20,
  concurrency: 4,
  versions: [],
};

describe.skipIf(realdataMissing)('document view of CycloneDX and SPDX 3 documents', () => {
  it('a trivy CycloneDX image BOM: the container component is an image, its Detail shows its bom-ref, type and properties', async () => {
    const view = await createPorts(settings).openFile(realdata('cyclonedx', 'trivy', 'centos-7-image.cdx-1.5.json'));
    expect(view.summary).toMatchObject({ format: 'cyclonedx-json', packages: 4 });
    expect(view.images.map((i) => i.reference)).toEqual(['ghcr.io/aquasecurity/trivy-test-images:centos-7']);
    const detail = view.detail('d0d41e30-9650-489d-948d-425ff2ed63d2')!;
    expect(detail.fields).toEqual(
      expect.arrayContaining([
        ['bom-ref', 'd0d41e30-9650-489d-948d-425ff2ed63d2'],
        ['cdx type', 'container'],
        ['property', 'aquasecurity:trivy:RepoTag = ghcr.io/aquasecurity/trivy-test-images:centos-7'],
      ]),
    );
    expect(detail.image?.reference).toBe('ghcr.io/aquasecurity/trivy-test-images:centos-7');
  });

  it('an SPDX 3 document: the Detail of a package shows its IRI and SPDX 3 type', async () => {
    const view = await createPorts(settings).openFile(realdata('spdx3', 'spdx-examples-via-carabiner', 'example6-lib.spdx3.json'));
    const detail = view.detail('SPDXRef-gnrtd2')!;
    expect(detail.fields).toEqual(
      expect.arrayContaining([
        ['name', 'go-1.15'],
        ['spdx3 spdxId', 'https://swinslow.net/spdx-examples/example6/go-lib-v2-specv3/SPDXRef-gnrtd2'],
        ['spdx3 type', 'software_Package'],
      ]),
    );
  });
});
