// Which files of a verified release SBOM verify-release checks: binaries (bin/OS/ARCH/NAME) and archives
// (kubernetes-*.tar.gz), narrowed by kind, OS, architecture and a name glob.
import type { SpdxDocument } from '../../parsers/model.js';
import { compileGlob } from '../common/glob.js';

export type ReleaseFileKind = 'binary' | 'archive';

export interface ReleaseFileSelection {
  kinds: readonly ReleaseFileKind[];
  /** Undefined: every OS (likewise arch). */
  os?: string;
  arch?: string;
  /** Matched against the base name (kubectl, kubernetes-server-linux-amd64.tar.gz). */
  name?: string;
  /** Only these paths (as the SBOM names them): the files a user picked in the UI. */
  paths?: readonly string[];
}

export interface SelectedReleaseFile {
  kind: ReleaseFileKind;
  /** As the SBOM names it, without a leading `./`. */
  path: string;
}

const BINARY = /^bin\/([^/]+)\/([^/]+)\/([^/]+)$/;
const ARCHIVE = /^kubernetes(-[A-Za-z0-9._-]+)?\.tar\.gz$/;
// The platform of kubernetes-{client,server,node,test}-OS-ARCH.tar.gz; the others (source, portable tests) have none.
const ARCHIVE_PLATFORM = /^kubernetes-[a-z]+-([a-z0-9]+)-([a-z0-9]+)\.tar\.gz$/;

/** Whether a path the SBOM names is a release binary or archive (else undefined), with its platform when it has one. */
export function classifyReleaseFile(path: string): { kind: ReleaseFileKind; os?: string; arch?: string; base: string } | undefined {
  const bin = BINARY.exec(path);
  if (bin) return { kind: 'binary', os: bin[1], arch: bin[2], base: bin[3]! };
  if (!ARCHIVE.test(path)) return undefined;
  const platform = ARCHIVE_PLATFORM.exec(path);
  return { kind: 'archive', os: platform?.[1], arch: platform?.[2], base: path };
}

/** The selected files in the SBOM's order, each once; a platform-less archive matches any OS and architecture. */
export function selectReleaseFiles(doc: SpdxDocument, selection: ReleaseFileSelection): SelectedReleaseFile[] {
  const glob = selection.name === undefined ? undefined : compileGlob(selection.name);
  const seen = new Set<string>();
  const only = selection.paths === undefined ? undefined : new Set(selection.paths.map((p) => p.replace(/^\.\//, '')));
  const selected: SelectedReleaseFile[] = [];
  for (const file of doc.files) {
    const path = file.name.replace(/^\.\//, '');
    const c = classifyReleaseFile(path);
    if (!c || seen.has(path) || !selection.kinds.includes(c.kind)) continue;
    if (only && !only.has(path)) continue;
    if (selection.os !== undefined && c.os !== undefined && c.os !== selection.os) continue;
    if (selection.arch !== undefined && c.arch !== undefined && c.arch !== selection.arch) continue;
    if (glob && !glob.test(c.base) && !glob.test(c.base.replace(/\.exe$/, ''))) continue;
    seen.add(path);
    selected.push({ kind: c.kind, path });
  }
  return selected;
}
