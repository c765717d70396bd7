// The marks kube-sbom's CycloneDX writer leaves so that its reader gets the SPDX document back: the document namespace
// (CycloneDX's serial number must be a UUID) and the metadata component that stands for the SPDX document itself.

/** metadata.properties: the SPDX document namespace. */
export const SPDX_NAMESPACE_PROPERTY = 'kube-sbom:spdx:documentNamespace';

/** On metadata.component: this component is the SPDX document (its bom-ref its SPDXID), not a package. */
export const SPDX_DOCUMENT_ROOT = Object.freeze({ name: 'kube-sbom:spdx:element', value: 'SpdxDocument' });

export function isSpdxDocumentRoot(component: Record<string, unknown>): boolean {
  const properties = component.properties;
  return (
    Array.isArray(properties) &&
    properties.some(
      (p: unknown) =>
        typeof p === 'object' &&
        p !== null &&
        (p as { name?: unknown }).name === SPDX_DOCUMENT_ROOT.name &&
        (p as { value?: unknown }).value === SPDX_DOCUMENT_ROOT.value,
    )
  );
}
