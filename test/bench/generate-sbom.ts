// Deterministic large SPDX documents for benchmarks, shaped like the Kubernetes release SBOM (image packages with
// layer packages, files with three checksums, relationships), written as tag-value and as the same content in JSON.
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';

interface Element {
  kind: 'package' | 'file';
  id: string;
  name: string;
  sha1: string;
  sha256: string;
  sha512: string;
}

function hex(seed: string, algorithm: 'sha1' | 'sha256' | 'sha512'): string {
  return createHash(algorithm).update(seed).digest('hex');
}

function* elements(): Generator<Element> {
  for (let i = 0; ; i++) {
    const kind = i % 3 === 0 ? 'package' : 'file';
    const name = kind === 'package' ? `registry.k8s.io/image-${i}-amd64:v1.99.${i % 50}` : `bin/linux/amd64/tool-${i}`;
    yield {
      kind,
      id: `SPDXRef-${kind === 'package' ? 'Package' : 'File'}-${i}-workspace-src-k8s.io-kubernetes`,
      name,
      sha1: hex(name, 'sha1'),
      sha256: hex(name, 'sha256'),
      sha512: hex(name, 'sha512'),
    };
  }
}

/** Buffers writes so that generating 100 MB does not make a million write calls. */
class Writer {
  private parts: string[] = [];
  private size = 0;
  written = 0;
  constructor(private readonly fd: number) {}
  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    this.written += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Writes a tag-value document of about `targetBytes` (ASCII, so characters are bytes); returns its element count. */
export function writeTagValue(path: string, targetBytes: number): number {
  const w = new Writer(openSync(path, 'w'));
  w.write('SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\nDocumentName: generated benchmark SBOM\n');
  w.write('DocumentNamespace: https://example.com/bench\nCreator: Tool: kube-sbom-bench\nCreated: 2024-01-01T00:00:00Z\n\n');
  let count = 0;
  let lastPackage = '';
  for (const e of elements()) {
    if (w.written >= targetBytes) break;
    count++;
    if (e.kind === 'package') {
      lastPackage = e.id;
      w.write(
        `##### Package: ${e.name}\n\nPackageName: ${e.name}\nSPDXID: ${e.id}\nPackageChecksum: SHA1: ${e.sha1}\nPackageChecksum: SHA256: ${e.sha256}\nPackageChecksum: SHA512: ${e.sha512}\n`,
      );
      w.write(
        `PackageDownloadLocation: NONE\nFilesAnalyzed: false\nPackageLicenseConcluded: NOASSERTION\nPackageLicenseDeclared: Apache-2.0\nPackageCopyrightText: NOASSERTION\n`,
      );
      w.write(`ExternalRef: PACKAGE-MANAGER purl pkg:oci/image@sha256:${e.sha256}?arch=amd64&repository_url=registry.k8s.io\n\n`);
      w.write(`Relationship: SPDXRef-DOCUMENT DESCRIBES ${e.id}\n\n`);
    } else {
      w.write(`FileName: ${e.name}\nSPDXID: ${e.id}\nFileChecksum: SHA1: ${e.sha1}\nFileChecksum: SHA256: ${e.sha256}\nFileChecksum: SHA512: ${e.sha512}\n`);
      w.write(`FileType: BINARY\nFileType: APPLICATION\nLicenseConcluded: Apache-2.0\nLicenseInfoInFile: NOASSERTION\nFileCopyrightText: NOASSERTION\n\n`);
      w.write(`Relationship: ${lastPackage} DEPENDS_ON ${e.id}\n\n`);
    }
  }
  w.close();
  return count;
}

/** Writes the same content as SPDX JSON (files listed at the top level, relationships at the end). */
export function writeJson(path: string, elementCount: number): void {
  const w = new Writer(openSync(path, 'w'));
  w.write('{"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT","name":"generated benchmark SBOM",');
  w.write('"documentNamespace":"https://example.com/bench","creationInfo":{"creators":["Tool: kube-sbom-bench"],"created":"2024-01-01T00:00:00Z"},');
  const packages: string[] = [];
  const files: string[] = [];
  const relationships: string[] = [];
  let n = 0;
  let lastPackage = '';
  for (const e of elements()) {
    if (n++ >= elementCount) break;
    const checksums = `[{"algorithm":"SHA1","checksumValue":"${e.sha1}"},{"algorithm":"SHA256","checksumValue":"${e.sha256}"},{"algorithm":"SHA512","checksumValue":"${e.sha512}"}]`;
    if (e.kind === 'package') {
      lastPackage = e.id;
      packages.push(
        `{"name":"${e.name}","SPDXID":"${e.id}","checksums":${checksums},"downloadLocation":"NONE","filesAnalyzed":false,"licenseConcluded":"NOASSERTION","licenseDeclared":"Apache-2.0","copyrightText":"NOASSERTION","externalRefs":[{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl","referenceLocator":"pkg:oci/image@sha256:${e.sha256}?arch=amd64&repository_url=registry.k8s.io"}]}`,
      );
      relationships.push(`{"spdxElementId":"SPDXRef-DOCUMENT","relationshipType":"DESCRIBES","relatedSpdxElement":"${e.id}"}`);
    } else {
      files.push(
        `{"fileName":"${e.name}","SPDXID":"${e.id}","checksums":${checksums},"fileTypes":["BINARY","APPLICATION"],"licenseConcluded":"Apache-2.0","licenseInfoInFiles":["NOASSERTION"],"copyrightText":"NOASSERTION"}`,
      );
      relationships.push(`{"spdxElementId":"${lastPackage}","relationshipType":"DEPENDS_ON","relatedSpdxElement":"${e.id}"}`);
    }
  }
  for (const [key, list] of [
    ['packages', packages],
    ['files', files],
    ['relationships', relationships],
  ] as const) {
    w.write(`${key === 'packages' ? '' : ','}"${key}":[`);
    list.forEach((item, i) => w.write(i === 0 ? item : `,${item}`));
    w.write(']');
  }
  w.write('}\n');
  w.close();
}

/**
 * Writes a CycloneDX 1.6 JSON BOM of about `targetBytes`, each component shaped like syft 1.2's (the rails image
 * BOM in protobom's conformance set): a purl bom-ref with package-id, author, licence, cpe, purl, website, eleven
 * properties, a SHA-256; every third element a file component with two hashes; each library depends on the two
 * before it. Returns the component count.
 */
export function writeCycloneDxJson(path: string, targetBytes: number): number {
  const w = new Writer(openSync(path, 'w'));
  w.write('{"$schema":"http://cyclonedx.org/schema/bom-1.6.schema.json","bomFormat":"CycloneDX","specVersion":"1.6",');
  w.write('"serialNumber":"urn:uuid:00000000-0000-4000-8000-000000000000","version":1,');
  w.write('"metadata":{"timestamp":"2024-01-01T00:00:00Z","tools":{"components":[{"type":"application","author":"anchore","name":"syft","version":"1.2.0"}]},');
  w.write('"component":{"bom-ref":"root","type":"container","name":"registry.k8s.io/kube-apiserver","version":"v1.99.0"}},"components":[');
  const dependencies: string[] = [];
  const libraries: string[] = [];
  let count = 0;
  for (const e of elements()) {
    if (w.written >= targetBytes * 0.85) break;
    const sep = count === 0 ? '' : ',';
    if (e.kind === 'package') {
      const name = e.name.replace(/[:/]/g, '-');
      const ref = `pkg:golang/k8s.io/${name}@v1.99.0?package-id=${e.sha1.slice(0, 16)}`;
      const cpe = (vendor: string) => `cpe:2.3:a:${vendor}:${name}:v1.99.0:*:*:*:*:*:*:*`;
      const props = [
        ['syft:package:foundBy', 'go-module-binary-cataloger'],
        ['syft:package:language', 'go'],
        ['syft:package:type', 'go-module'],
        ['syft:package:metadataType', 'go-module-buildinfo-entry'],
        ['syft:cpe23', cpe('kubernetes')],
        ['syft:cpe23', cpe('k8s')],
        ['syft:cpe23', cpe('k8s.io')],
        ['syft:cpe23', cpe('golang')],
        ['syft:cpe23', cpe('go')],
        ['syft:location:0:layerID', `sha256:${e.sha256}`],
        ['syft:location:0:path', `/usr/local/bin/${name}`],
      ];
      w.write(
        `${sep}{"bom-ref":"${ref}","type":"library","author":"The Kubernetes Authors","name":"${name}","version":"v1.99.0","licenses":[{"license":{"id":"Apache-2.0"}}],` +
          `"cpe":"${cpe('kubernetes')}","purl":"pkg:golang/k8s.io/${name}@v1.99.0","externalReferences":[{"url":"https://github.com/kubernetes/kubernetes","type":"website"}],` +
          `"hashes":[{"alg":"SHA-256","content":"${e.sha256}"}],"properties":[${props.map(([n, v]) => `{"name":"${n}","value":"${v}"}`).join(',')}]}`,
      );
      dependencies.push(
        `{"ref":"${ref}","dependsOn":[${libraries
          .slice(-2)
          .map((r) => `"${r}"`)
          .join(',')}]}`,
      );
      libraries.push(ref);
    } else {
      w.write(
        `${sep}{"bom-ref":"file-${count}","type":"file","name":"${e.name}","hashes":[{"alg":"SHA-1","content":"${e.sha1}"},{"alg":"SHA-256","content":"${e.sha256}"}]}`,
      );
    }
    count++;
  }
  w.write('],"dependencies":[');
  dependencies.forEach((d, i) => w.write(i === 0 ? d : `,${d}`));
  w.write(']}\n');
  w.close();
  return count;
}
