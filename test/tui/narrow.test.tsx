// 80 and 60 columns: each screen's status bar keeps its essential keys, help lists every screen, and Detail opens at its top.
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { Header } from '../../src/tui/components/Header.js';
import { StatusBar } from '../../src/tui/components/StatusBar.js';
import { SCREEN_SCOPES } from '../../src/tui/hooks/key-handler.js';
import { BINDINGS, keyLabel } from '../../src/tui/keymap.js';
import { helpLines } from '../../src/tui/screens/HelpScreen.js';
import { detailLines, firstLinkIndex } from '../../src/tui/screens/detail-lines.js';
import type { ElementDetail } from '../../src/tui/ports.js';
import { ESSENTIAL } from './essential-keys.js';

afterEach(() => cleanup());

describe('status bar', () => {
  // 80 x 24 and 60 x 20: the bar is one row whatever the height, so the width decides what it keeps.
  for (const width of [80, 60]) {
    for (const [screen, keys] of Object.entries(ESSENTIAL)) {
      it(`keeps the essential keys of ${screen} at ${width} columns`, () => {
        const { lastFrame } = render(<StatusBar scopes={SCREEN_SCOPES[screen as keyof typeof SCREEN_SCOPES]} width={width} />);
        const bar = lastFrame()!;
        for (const key of keys) expect(bar).toContain(key);
        expect([...bar].length).toBeLessThan(width);
      });
    }
  }

  it('drops optional keys before essential ones at 60 columns', () => {
    const { lastFrame } = render(<StatusBar scopes={SCREEN_SCOPES.detail} width={60} />);
    const bar = lastFrame()!;
    expect(bar).toContain('esc back');
    expect(bar).toContain('enter follow');
    expect(bar.length).toBeLessThan(60);
  });
});

describe('help', () => {
  it('names the key of every screen and lists every key of every screen', () => {
    const lines = helpLines();
    const everywhere = lines.slice(
      1,
      lines.findIndex((l, i) => i > 0 && l.heading !== undefined),
    );
    for (const title of ['Release', 'Explorer', 'Images', 'Export', 'Audit', 'Licenses', 'Tree', 'Diff']) {
      expect(
        everywhere.some((l) => l.text?.startsWith(title)),
        title,
      ).toBe(true);
    }
    const scopes = new Set(Object.values(SCREEN_SCOPES).flat());
    for (const b of BINDINGS.filter((x) => scopes.has(x.scope))) expect(lines).toContainEqual({ keys: keyLabel(b), text: b.help });
  });
});

describe('header', () => {
  it('at 60 columns keeps the current tab, every tab key and the trust note on one line', () => {
    const { lastFrame } = render(
      <Header screen="detail" provenance={{ kind: 'file', path: '/data/kubernetes-v1.25.4-release.spdx' }} verified={false} width={60} />,
    );
    const line = lastFrame()!;
    expect(line).toMatch(/ 1 {2}2 Explorer {2}3 {2}4 /);
    expect(line).toMatch(/kubernetes-v1\.25\.4-re… \(unverified\)$/);
    expect(line.length).toBeLessThanOrEqual(60);
  });

  it('at 120 columns shows every tab with its title and the whole file name', () => {
    const { lastFrame } = render(
      <Header screen="images" provenance={{ kind: 'file', path: '/data/kubernetes-v1.25.4-release.spdx' }} verified={false} width={120} />,
    );
    expect(lastFrame()).toMatch(/^kube-sbom {2}1 Release {2}2 Explorer {2}3 Images {2}4 Export {2}\S kubernetes-v1\.25\.4-release\.spdx \(unverified\)$/);
  });
});

describe('Detail', () => {
  const detail: ElementDetail = {
    spdxId: 'SPDXRef-big',
    name: 'big',
    kind: 'image',
    fields: [['SPDXID', 'SPDXRef-big'], ['name', 'big'], ...Array.from({ length: 30 }, (_, i): [string, string] => [`field ${i}`, 'x'])],
    checksums: [],
    outgoing: [{ type: 'CONTAINS', id: 'SPDXRef-layer', name: 'layer', navigable: true }],
    incoming: [],
  };

  it('opens at its top when the first relationship is below the window', () => {
    const lines = detailLines(detail, 80);
    expect(firstLinkIndex(lines, 18)).toBe(0);
    expect(lines[0]).toMatchObject({ label: 'SPDXID' });
  });

  it('starts on the first relationship when it shows without scrolling', () => {
    const lines = detailLines({ ...detail, fields: detail.fields.slice(0, 2) }, 80);
    expect(firstLinkIndex(lines, 18)).toBe(3);
  });
});
