// The Explorer's filter text: `license:EXPR` terms are taken out (src/sbom's query answers them); the rest is
// searched as plain text over names, SPDXIDs, purls and checksums.
export interface ExplorerQuery {
  /** Lower-cased, trimmed plain text. */
  text: string;
  /** The value of each `license:` term, as typed. */
  licenses: string[];
}

const LICENSE_TERM = /(^|\s)license:(\S*)/gi;

export function splitExplorerQuery(raw: string): ExplorerQuery {
  const licenses: string[] = [];
  const rest = raw.replace(LICENSE_TERM, (_match, space: string, value: string) => {
    licenses.push(value);
    return space;
  });
  return { text: rest.trim().toLowerCase(), licenses };
}

/** The one-line reason a filter could not be applied, without the CLI's "query ...: " frame and column. */
export function filterProblem(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/^query "[^"]*": /, '').replace(/ at column \d+$/, '');
}
