// The per-check report reads a few internal functions of @sigstore/verify; they are not a public API, so a new
// version must be reviewed before it is used: this fails when the installed or pinned version moves, or they vanish.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERIFY_INTERNALS, VERIFY_INTERNALS_VERSION } from '../../src/sigstore/library.js';
import { projectRoot } from '../helpers/cli.js';

const require = createRequire(join(projectRoot, 'package.json'));
const packageDir = join(projectRoot, 'node_modules', '@sigstore', 'verify');

describe('@sigstore/verify internals read by the report', () => {
  it('are read from the exact version they were reviewed for, pinned in package.json and installed', () => {
    const project = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const installed = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
    expect(project.dependencies['@sigstore/verify']).toBe(VERIFY_INTERNALS_VERSION);
    expect(installed.version).toBe(VERIFY_INTERNALS_VERSION);
  });

  it('exist as functions in the modules named', () => {
    for (const [module, names] of Object.entries(VERIFY_INTERNALS)) {
      const exported = require(join(packageDir, module)) as Record<string, unknown>;
      for (const name of names) expect(typeof exported[name], `${module} ${name}`).toBe('function');
    }
  });
});
