// The release a Kubernetes SBOM describes, read from its namespace (https://sbom.k8s.io/v1.25.4/release) or name.
import type { SpdxDocument } from '../../parsers/model.js';

const VERSION = /^v\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?$/;

/** `v1.25.4` for a release SBOM; undefined when neither the namespace nor the name carries a version. */
export function releaseVersionOf(document: Pick<SpdxDocument, 'documentNamespace' | 'name'>): string | undefined {
  let path: string[] = [];
  try {
    path = new URL(document.documentNamespace).pathname.split('/');
  } catch {
    path = document.documentNamespace.split('/');
  }
  const fromNamespace = path.find((segment) => VERSION.test(segment));
  if (fromNamespace) return fromNamespace;
  return document.name.split(/\s+/).find((word) => VERSION.test(word));
}
