// The Sigstore trusted root to carry across an air gap: the one verification would use here (a TUF refresh when
// online, else the shipped public-good root), as trusted_root.json text, with where it came from and how recent it is.
import type { TrustedRoot as TrustedRootType } from '@sigstore/protobuf-specs';
import { TrustedRoot } from '../sigstore/library.js';
import { resolveTrustedRoot, type TufFetcher } from '../sigstore/trust-source.js';
import { parseTrustedRoot } from '../sigstore/trusted-root.js';

export interface TrustRootExport {
  /** trusted_root.json, two-space indented, read back and checked before it is handed out. */
  text: string;
  /** Where it came from: TUF (mirror) or the shipped root. */
  source: string;
  /** The newest start of validity among its keys and certificates: the freshest material it holds. */
  newestStart?: Date;
  counts: { certificateAuthorities: number; tlogs: number; ctlogs: number; timestampAuthorities: number };
}

export async function exportTrustedRoot(options: { offline: boolean; tuf?: TufFetcher; warn: (message: string) => void }): Promise<TrustRootExport> {
  const loaded = await resolveTrustedRoot(options);
  const text = `${JSON.stringify(TrustedRoot.toJSON(loaded.root), null, 2)}\n`;
  // What is written must be what a later --trusted-root accepts.
  parseTrustedRoot(text, loaded.source);
  const root = loaded.root;
  return {
    text,
    source: loaded.source,
    ...optionalDate(newestStart(root)),
    counts: {
      certificateAuthorities: root.certificateAuthorities.length,
      tlogs: root.tlogs.length,
      ctlogs: root.ctlogs.length,
      timestampAuthorities: root.timestampAuthorities.length,
    },
  };
}

function newestStart(root: TrustedRootType): Date | undefined {
  const starts = [
    ...root.certificateAuthorities.map((ca) => ca.validFor?.start),
    ...root.timestampAuthorities.map((ta) => ta.validFor?.start),
    ...[...root.tlogs, ...root.ctlogs].map((log) => log.publicKey?.validFor?.start),
  ].filter((d): d is Date => d instanceof Date);
  return starts.length === 0 ? undefined : new Date(Math.max(...starts.map((d) => d.getTime())));
}

const optionalDate = (date: Date | undefined) => (date ? { newestStart: date } : {});
