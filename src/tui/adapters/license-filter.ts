// The Explorer's `license:EXPR` term, parsed and matched by src/sbom's query: the same answer as `query license:ID`.
import type { Element } from '../../../parsers/model.js';
import { licenseIdsOf } from '../../sbom/license-ids.js';
import { licenseTermMatches } from '../../sbom/query.js';
import { parseQuery } from '../../sbom/query-parse.js';

/**
 * A row predicate per `license:` value; throws the query's own syntax error. Each element's ids are read once, when
 * first asked, so typing a longer value does not read 100k license expressions again.
 */
export function licenseFilter(elements: readonly Element[]): (value: string) => (row: number) => boolean {
  const ids: Array<readonly string[] | undefined> = new Array<readonly string[] | undefined>(elements.length);
  const idsOf = (row: number) => (ids[row] ??= licenseIdsOf(elements[row]!));
  return (value) => {
    const term = parseQuery(`license:${value}`)[0];
    if (term?.field !== 'license') throw new Error(`license:${value} is not a license term`);
    return (row) => licenseTermMatches(term, idsOf(row));
  };
}
