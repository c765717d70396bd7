// Format-neutral readers shared by the object converter and the RDF reader: actors, checksum algorithms, enums.
import { CHECKSUM_ALGORITHMS, type Actor, type ActorType } from './model.js';

export type Complain = (code: string, message: string) => void;

const ACTOR_TYPES: Record<string, ActorType> = { person: 'Person', organization: 'Organization', tool: 'Tool' };

function show(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

/** `Person: Jane Doe (jane@example.com)`, `Organization: X ()`, `Tool: name-1.0`. */
export function parseActorText(text: string, complain: Complain): Actor {
  const colon = text.indexOf(':');
  const typeWord = colon === -1 ? '' : text.slice(0, colon).trim();
  const type = ACTOR_TYPES[typeWord.toLowerCase()];
  if (!type) {
    complain('ACTOR_FORMAT', `actor ${show(text)} has no Person:, Organization: or Tool: prefix; read as an organization`);
    return { type: 'Organization', name: text.trim() };
  }
  if (typeWord !== type) complain('ACTOR_FORMAT', `actor type ${show(typeWord)} should be written ${type}`);
  const rest = text.slice(colon + 1).trim();
  const actor: Actor = { type, name: rest };
  if (type !== 'Tool' && rest.endsWith(')')) {
    const open = rest.lastIndexOf('(');
    if (open !== -1) {
      actor.name = rest.slice(0, open).trim();
      const email = rest.slice(open + 1, -1).trim();
      if (email) actor.email = email;
    }
  }
  if (!actor.name) complain('ACTOR_FORMAT', `actor ${show(text)} has no name`);
  return actor;
}

/** Algorithm names by their upper-case spelling without dashes or underscores, for lenient matching. */
const ALGORITHM_BY_LOOSE_NAME = new Map<string, string>(CHECKSUM_ALGORITHMS.map((a) => [a.toUpperCase().replace(/[-_]/g, ''), a]));

/** The canonical algorithm name; a different spelling is accepted with a complaint, an unknown one kept as written. */
export function normaliseChecksumAlgorithm(written: string, complain: Complain): string {
  const known = ALGORITHM_BY_LOOSE_NAME.get(written.replace(/[-_\s]/g, '').toUpperCase());
  if (known === written) return written;
  if (known) {
    complain('CHECKSUM_ALGORITHM_SPELLING', `checksum algorithm ${show(written)} should be written ${known}`);
    return known;
  }
  complain('CHECKSUM_ALGORITHM_UNKNOWN', `unknown checksum algorithm ${show(written)}; kept as written`);
  return written;
}

/** The allowed value matching after upper-casing and `_` <-> `-`, or undefined. */
export function looseEnumMatch(value: string, allowed: ReadonlySet<string>): string | undefined {
  const upper = value.trim().toUpperCase();
  for (const candidate of [upper, upper.replace(/_/g, '-'), upper.replace(/-/g, '_')]) {
    if (allowed.has(candidate)) return candidate;
  }
  return undefined;
}
