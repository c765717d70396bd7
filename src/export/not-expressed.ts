// What a writer could not put into the target format, counted per kind, so a command can list it instead of losing it.

export interface NotExpressed {
  /** What kind of thing, e.g. `snippet`, `relationship GENERATED_FROM`, `package sourceInfo`. */
  kind: string;
  /** dropped: not in the output at all; approximated: written, but with less meaning (e.g. CONTAINS as a dependsOn edge). */
  how: 'dropped' | 'approximated';
  count: number;
  /** The first SPDXIDs (or values) it happened to, for the user to look up. */
  examples: string[];
  /** Why, in a few words. */
  reason: string;
}

const MAX_EXAMPLES = 3;

export class NotExpressedLedger {
  private readonly entries = new Map<string, NotExpressed>();

  drop(kind: string, example: string, reason: string): void {
    this.add('dropped', kind, example, reason);
  }

  approximate(kind: string, example: string, reason: string): void {
    this.add('approximated', kind, example, reason);
  }

  /** Sorted: dropped first, then by kind, so the output is the same on every run. */
  list(): NotExpressed[] {
    return [...this.entries.values()].sort((a, b) => (a.how !== b.how ? (a.how === 'dropped' ? -1 : 1) : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  }

  private add(how: NotExpressed['how'], kind: string, example: string, reason: string): void {
    const key = `${how}\u0000${kind}`;
    const entry = this.entries.get(key);
    if (entry) {
      entry.count++;
      if (entry.examples.length < MAX_EXAMPLES) entry.examples.push(example);
    } else this.entries.set(key, { kind, how, count: 1, examples: [example], reason });
  }
}

/** One line per kind for stderr: `CycloneDX cannot express 3 snippet (e.g. SPDXRef-Snippet): not written; ...`. */
export function describeNotExpressed(format: string, entry: NotExpressed): string {
  // One example keeps the line short; --json lists more.
  const examples = entry.examples[0]!.length > 100 ? `${entry.examples[0]!.slice(0, 100)}…` : entry.examples[0]!;
  if (entry.how === 'approximated') return `${format} has no exact form for ${entry.count} ${entry.kind} (e.g. ${examples}): ${entry.reason}`;
  return `${format} cannot express ${entry.count} ${entry.kind} (e.g. ${examples}): not written; ${entry.reason}`;
}
