// The Tree screen driven by real keys: expand and collapse, Detail, following an external DocumentRef to a local
// file checked against the reference's SHA-1, and a 100k-element document drawing only the rows in its window.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../src/tui/App.js';
import { buildView } from '../../src/tui/adapters/document-view.js';
import type { OutlineNode } from '../../src/sbom/outline.js';
import { doc, file, pkg } from '../sbom/build-model.js';
import { fakePorts } from './fake-ports.js';
import { KEY, press, see, until } from './keys.js';
import { licenseFixtureText, licenseFixtureView } from './license-fixture.js';

afterEach(() => cleanup());

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kube-sbom-tree-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const KEY_RIGHT = '\u001b[C';
const KEY_LEFT = '\u001b[D';
const cursorLine = (frame: string) => frame.split('\n').find((l) => l.includes('▸')) ?? '';

async function openTree(view = licenseFixtureView()) {
  const { ports } = fakePorts({ view });
  const app = render(<App ports={ports} initial={{ kind: 'file', value: view.source }} />);
  await see(app, /elements/);
  await press(app.stdin, 't');
  await see(app, /Tree \d/);
  return app;
}

describe('Tree', () => {
  it('shows the document expanded, expands and collapses with → ← and enter, ← on a child goes to its parent', async () => {
    const app = await openTree();
    let frame = await see(app, /Tree 2 rows shown/);
    expect(cursorLine(frame)).toMatch(/- document licensed \(SPDXRef-DOCUMENT\)/);
    expect(frame).toMatch(/\+ DESCRIBES package alpha \(SPDXRef-alpha\) \+3/);
    await press(app.stdin, KEY.down, KEY_RIGHT);
    frame = await see(app, /Tree 5 rows shown/);
    expect(frame).toMatch(/- DESCRIBES package alpha/);
    expect(frame).toMatch(/ {4}CONTAINS file \.\/main\.go \(SPDXRef-main\)/);
    expect(frame).toMatch(/ {4}\+ DEPENDS_ON package beta/);
    // → on an expanded node goes to its first child; ← on a leaf to its parent; ← there collapses
    await press(app.stdin, KEY_RIGHT);
    expect(cursorLine(await see(app, /▸\s+CONTAINS file/))).toContain('main.go');
    await press(app.stdin, KEY_LEFT);
    await see(app, /▸ {3}- DESCRIBES package alpha/);
    await press(app.stdin, KEY_LEFT);
    await see(app, /Tree 2 rows shown/);
    await press(app.stdin, KEY.enter);
    await see(app, /Tree 5 rows shown/);
    await press(app.stdin, KEY.enter);
    await see(app, /Tree 2 rows shown/);
  });

  it('enter on a leaf and d on any element open its Detail; back returns to the tree', async () => {
    const app = await openTree();
    await press(app.stdin, KEY.down, KEY_RIGHT, KEY.down, KEY.enter);
    let frame = await see(app, /Relationships to here/);
    expect(frame).toContain('Tree › ./main.go');
    await press(app.stdin, KEY.escape);
    await see(app, /Tree 5 rows shown/);
    await press(app.stdin, KEY.up, 'd');
    frame = await see(app, /Relationships/);
    expect(frame).toContain('SPDXRef-alpha');
    await press(app.stdin, KEY.escape);
    await see(app, /Tree 5 rows/);
    // the document itself is no element
    await press(app.stdin, 'g', 'd');
    await see(app, 'SPDXRef-DOCUMENT is not an element of this document');
  });
});

describe('Tree: what no relationship reaches', () => {
  it('comes after the tree as one collapsed group, as `outline` lists it after the tree', async () => {
    const document = doc({ packages: [pkg('SPDXRef-a', 'a'), pkg('SPDXRef-lost', 'lost')], relationships: ['SPDXRef-DOCUMENT DESCRIBES SPDXRef-a'] });
    const app = await openTree(buildView({ document, diagnostics: [], source: 'lost.spdx' }));
    let frame = await see(app, /Tree 3 rows shown/);
    expect(frame).toMatch(/ {2}\+ 1 element\(s\) not reachable from the document \+1/);
    await press(app.stdin, 'G', KEY_RIGHT);
    frame = await see(app, /Tree 4 rows shown/);
    expect(frame).toMatch(/ {4}package lost \(SPDXRef-lost\)/);
    await press(app.stdin, KEY.down, KEY.enter);
    await see(app, 'SPDXRef-lost');
    await see(app, /Relationships/);
  });
});

describe('Tree: an external DocumentRef', () => {
  /** The licensed fixture, its DocumentRef-source naming `target`'s SHA-1; the cursor on the external node. */
  async function atExternalNode(target: string) {
    const sha1 = createHash('sha1').update(target).digest('hex');
    const app = await openTree(licenseFixtureView('licensed.spdx', licenseFixtureText(sha1)));
    await press(app.stdin, KEY.down, KEY_RIGHT, 'G', KEY_RIGHT, 'G');
    expect(cursorLine(await see(app, /Tree 8 rows/))).toMatch(/GENERATED_FROM external DocumentRef-source:SPDXRef-DOCUMENT/);
    return app;
  }

  it('opens the referenced document from a local file whose SHA-1 is the one the reference gives', async () => {
    const target = licenseFixtureText().replace('DocumentName: licensed', 'DocumentName: the-source');
    const path = join(dir, 'source.spdx');
    await writeFile(path, target);
    const app = await atExternalNode(target);
    await press(app.stdin, KEY.enter);
    await see(app, 'file for DocumentRef-source:');
    await see(app, 'enter opens the file or URL if its SHA-1 matches');
    await press(app.stdin, ...path.split(''), KEY.enter);
    const frame = await see(app, /opened .*source\.spdx: its SHA-1 is the one DocumentRef-source gives/);
    expect(frame).toContain('source.spdx (unverified)');
    expect(frame).toMatch(/document the-source \(SPDXRef-DOCUMENT\)/);
  });

  it('refuses a file whose SHA-1 differs, says why, and keeps the document', async () => {
    const path = join(dir, 'other.spdx');
    await writeFile(path, licenseFixtureText().replace('DocumentName: licensed', 'DocumentName: tampered'));
    const app = await atExternalNode('the bytes the reference was made for');
    await press(app.stdin, KEY.enter, ...path.split(''), KEY.enter);
    const frame = await see(app, /does not\s+match DocumentRef-source's/);
    expect(frame).toContain('licensed.spdx (unverified)');
    expect(frame).not.toContain('tampered');
    // esc while typing a path cancels it
    await press(app.stdin, KEY.enter, 'x', KEY.escape);
    await until(app.lastFrame, (f) => !f.includes('file for DocumentRef-source'));
  });
});

describe('Tree of a 100k-element document', () => {
  it('expands 100k children and draws only the rows in the window, each key touching no more than those', async () => {
    const files = Array.from({ length: 100_000 }, (_, i) => file(`SPDXRef-f${i}`, `f${String(i).padStart(6, '0')}`));
    const document = doc({ files, relationships: files.map((f) => `SPDXRef-DOCUMENT DESCRIBES ${f.spdxId}`) });
    const view = buildView({ document, diagnostics: [], source: 'big.spdx' });
    // Count how often a node's name is read: only drawing a row reads it.
    let reads = 0;
    for (const node of view.outline().root.children as OutlineNode[]) {
      const name = node.name;
      Object.defineProperty(node, 'name', {
        get: () => {
          reads++;
          return name;
        },
      });
    }
    const app = await openTree(view);
    await see(app, /Tree 100,001 rows shown/);
    // the tree of a big document takes a while: a frame says so before it is worked out
    expect(app.frames.some((f) => f.includes('Working out the relationship tree of 100,000 elements…'))).toBe(true);
    const rowsOnScreen = app
      .lastFrame()!
      .split('\n')
      .filter((l) => /DESCRIBES file/.test(l)).length;
    expect(rowsOnScreen).toBeGreaterThan(5);
    reads = 0;
    await press(app.stdin, 'G');
    expect(cursorLine(await see(app, /▸\s+DESCRIBES file f099999/))).toContain('SPDXRef-f99999');
    await press(app.stdin, KEY.pageUp, KEY.up);
    await see(app, /▸\s+DESCRIBES file f0999\d\d/);
    // three keys: a few windows' worth of rows drawn (Ink may render a frame more than once), not 100k
    expect(reads).toBeLessThan(1_000);
    expect(reads).toBeGreaterThan(0);
  }, 60_000);
});
