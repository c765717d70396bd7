// The Explorer's `packages` kind and `license:` filter term, driven by real keys; the term answers as `query` does.
import { readFileSync } from 'node:fs';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';
import { App } from '../../src/tui/App.js';
import { buildView } from '../../src/tui/adapters/document-view.js';
import { DocumentIndex } from '../../src/sbom/document-index.js';
import { query } from '../../src/sbom/query.js';
import { RelationshipGraph } from '../../src/sbom/relationship-graph.js';
import { RowFilter } from '../../src/tui/state/row-filter.js';
import { realdata, realdataMissing } from '../helpers/cli.js';
import { fakePorts } from './fake-ports.js';
import { KEY, press, see } from './keys.js';
import { licenseFixtureView } from './license-fixture.js';

afterEach(() => cleanup());

async function openLicensed() {
  const { ports } = fakePorts({ view: licenseFixtureView() });
  const app = render(<App ports={ports} initial={{ kind: 'file', value: 'licensed.spdx' }} />);
  await see(app, /5 of 5 elements/);
  return app;
}

const type = (text: string) => text.split('');
const shownNames = (frame: string) =>
  frame
    .split('\n')
    .map((l) => /^\s*▸?\s*(?:package|file)\s+(\S+)/.exec(l)?.[1])
    .filter(Boolean);

describe('Explorer license: term and packages kind', () => {
  it('cycles to a packages kind that shows every package and no file', async () => {
    const app = await openLicensed();
    await press(app.stdin, 'f', 'f', 'f', 'f', 'f');
    const frame = await see(app, /kind packages.*3 of 5 elements/);
    expect(shownNames(frame)).toEqual(['alpha', 'beta', 'gamma']);
    await press(app.stdin, 'f');
    await see(app, /kind all.*5 of 5/);
  });

  it('keeps the elements naming a license, case-insensitive, with wildcards, declared, concluded or found in files', async () => {
    const app = await openLicensed();
    await press(app.stdin, '/', ...type('license:apache-2.0'));
    expect(shownNames(await see(app, /2 of 5 elements/))).toEqual(['alpha', './main.go']);
    await press(app.stdin, KEY.escape, '/', ...type('license:MIT'));
    expect(shownNames(await see(app, /2 of 5 elements/))).toEqual(['alpha', 'beta']);
    await press(app.stdin, KEY.escape, '/', ...type('license:noassertion'));
    expect(shownNames(await see(app, /3 of 5 elements/))).toEqual(['beta', 'gamma', './vendor/x.go']);
    await press(app.stdin, KEY.escape, '/', ...type('license:BSD-*'));
    expect(shownNames(await see(app, /1 of 5 elements/))).toEqual(['./vendor/x.go']);
    // combined with plain text and a second term: every part must hold
    await press(app.stdin, KEY.escape, '/', ...type('license:NOASSERTION beta'));
    expect(shownNames(await see(app, /1 of 5 elements/))).toEqual(['beta']);
    await press(app.stdin, KEY.escape, '/', ...type('license:MIT license:Apache-2.0'));
    expect(shownNames(await see(app, /1 of 5 elements/))).toEqual(['alpha']);
  });

  it('says why a term being typed shows nothing, and shows rows again once it is complete', async () => {
    const app = await openLicensed();
    await press(app.stdin, '/', ...type('license:'));
    await see(app, /0 of 5 elements/);
    await see(app, 'license: needs a value');
    await press(app.stdin, 'M');
    await see(app, /0 of 5 elements/);
    await press(app.stdin, 'I', 'T');
    await see(app, /2 of 5 elements/);
    await press(app.stdin, KEY.backspace, KEY.backspace, KEY.backspace, '(');
    await see(app, /license: expected a license id/);
  });
});

describe.skipIf(realdataMissing)('the Explorer license: term on the official SPDX 2.3 example', () => {
  it('keeps exactly the elements `query license:` finds', () => {
    const name = 'SPDXJSONExample-v2.3.spdx.json';
    const { document, format, diagnostics } = parseSbom(readFileSync(realdata('spdx', 'official', '2.3', name)), { fileName: name });
    const view = buildView({ document, format, diagnostics, source: name });
    const index = new DocumentIndex(document);
    const graph = new RelationshipGraph(index);
    const filter = new RowFilter(view.rows, view.licenseFilter);
    for (const id of ['GPL-2.0-only', 'LicenseRef-*', 'noassertion', 'Apache-2.0', 'LGPL-2.0-ONLY']) {
      const expected = query(`license:${id}`, index, graph).map((e) => e.spdxId);
      expect(expected.length, id).toBeGreaterThan(0);
      const shown = [...filter.apply('all', 'document', `license:${id}`)].map((i) => view.rows[i]!.spdxId);
      expect(shown.sort(), id).toEqual(expected.sort());
    }
  });
});
