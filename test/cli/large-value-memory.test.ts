// Issue 19, item 5: one huge text value costs a few times its size in every format. fast-xml-parser gathers text
// a character at a time, which made a 50 MB XML or RDF/XML value take 2 GB; JSON, YAML and tag-value never did.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Spdx2Format as SbomFormat } from '../../parsers/model.js';
import { runCliMeasured } from '../helpers/peak-rss.js';
import { writeSingleValueSbom } from '../helpers/single-value-sbom.js';

const MB = 1024 * 1024;
const VALUE = 32 * MB;
// Node, the bundle and the inspect report before any document: what a tiny document costs, with room to spare.
const ALLOWANCE = 96 * MB;
const FORMATS: SbomFormat[] = ['xml', 'rdf-xml', 'json', 'yaml', 'tag-value'];

describe('a document whose one value is 32 MB', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kube-sbom-large-value-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(FORMATS)('%s: inspect reads it within 4x its size (peak RSS of the process)', async (format) => {
    const file = join(dir, `value.${format}`);
    const size = writeSingleValueSbom(file, format, VALUE);
    // The heap bound makes the old behaviour fail fast instead of taking gigabytes.
    const run = await runCliMeasured(['inspect', file, '--json', '--input-format', format], { nodeArgs: ['--max-old-space-size=1024'] });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { format: string; diagnostics: { severity: string }[] };
    expect(report.format).toBe(format);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(run.peakRss).toBeLessThan(4 * size + ALLOWANCE);
  });

  it.each(['xml', 'rdf-xml'] as const)('%s: a value of entity references only is decoded within 4x too', async (format) => {
    const file = join(dir, `entities.${format}`);
    const size = writeSingleValueSbom(file, format, VALUE, '&amp;&#x41;');
    const run = await runCliMeasured(['inspect', file, '--json', '--input-format', format], { nodeArgs: ['--max-old-space-size=1024'] });
    expect(run.code, run.stderr).toBe(0);
    expect(run.peakRss).toBeLessThan(4 * size + ALLOWANCE);
  });

  it('rdf-xml: one attribute value of 32 MB (a literal written as an attribute) within 4x too', async () => {
    const file = join(dir, 'attribute.rdf.xml');
    const text =
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#" xmlns:spdx="http://spdx.org/rdf/terms#">' +
      `<spdx:SpdxDocument rdf:about="https://example.com/d#SPDXRef-DOCUMENT" spdx:name="d" rdfs:comment="${'n'.repeat(VALUE)}"/></rdf:RDF>\n`;
    writeFileSync(file, text);
    // The comment is not printed: what is measured is reading the document.
    const run = await runCliMeasured(['inspect', file, '--json'], { nodeArgs: ['--max-old-space-size=1024'] });
    expect((JSON.parse(run.stdout) as { name: string }).name).toBe('d');
    expect(run.peakRss).toBeLessThan(4 * text.length + ALLOWANCE);
  });

  it('xml: a value of 16 million short lines, with a diagnostic to place after it, within 4x too', async () => {
    const file = join(dir, 'lines.xml');
    const text = `<Document><spdxVersion>SPDX-2.3</spdxVersion><comment>${'a\n'.repeat(VALUE / 2)}</comment><packages><SPDXID>SPDXRef-p</SPDXID><bogusField>1</bogusField></packages></Document>\n`;
    writeFileSync(file, text);
    const run = await runCliMeasured(['inspect', file, '--json'], { nodeArgs: ['--max-old-space-size=1024'] });
    const report = JSON.parse(run.stdout) as { diagnostics: { code: string; line?: number }[] };
    expect(report.diagnostics.find((d) => d.code === 'XML_UNKNOWN_FIELD')?.line).toBe(VALUE / 2 + 1);
    expect(run.peakRss).toBeLessThan(4 * text.length + ALLOWANCE);
  });
});
