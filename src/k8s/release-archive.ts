// Which release archive a binary came from, read from the SPDXID kubernetes-sigs/bom gave it: bom names a release
// file after where it was staged, `..._output-VERSION-release-stage-node-windows-amd64-kubernetes-node-bin-kubectl.exe`,
// and that folder is unpacked from kubernetes-node-windows-amd64.tar.gz. The same kubectl.exe ships in two archives.
const STAGED = /-release-stage-(client|node|server|test)-([a-z0-9]+)-([a-z0-9]+)-kubernetes-\1-/;

/** `kubernetes-node-windows-amd64.tar.gz`, or undefined when the SPDXID does not say. */
export function releaseArchiveOf(spdxId: string): string | undefined {
  const match = STAGED.exec(spdxId);
  return match ? `kubernetes-${match[1]}-${match[2]}-${match[3]}.tar.gz` : undefined;
}
