// The Sigstore libraries run as published: loading our verification code and running real verifications through it
// leaves every function, static and prototype method of every @sigstore module exactly as it was installed.
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { streamFileForSignature } from '../../src/verify/streamed-file.js';
import { projectRoot, realdata, realdataMissing } from '../helpers/cli.js';
import { getTestPki, GOOGLE_ISSUER, K8S_BLOB_IDENTITY, signBlob } from '../helpers/pki/index.js';

const require = createRequire(join(projectRoot, 'package.json'));
const CONFORMANCE_IDENTITY =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
const SIGSTORE_PACKAGES = ['@sigstore/verify', '@sigstore/core', '@sigstore/bundle', '@sigstore/protobuf-specs', '@sigstore/tuf'];

function* jsFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* jsFiles(path);
    else if (entry.name.endsWith('.js')) yield path;
  }
}

/** Every module file of the installed @sigstore packages (their dist/ trees). */
function sigstoreModules(): string[] {
  return SIGSTORE_PACKAGES.flatMap((name) => [...jsFiles(join(projectRoot, 'node_modules', name, 'dist'))]);
}

type Snapshot = Map<string, unknown>;

/** Each export, and each own property (statics) of an exported function or class and of its prototype, by name. */
function snapshot(modules: string[]): Snapshot {
  const seen: Snapshot = new Map();
  const record = (where: string, owner: object) => {
    for (const key of Reflect.ownKeys(owner)) {
      const descriptor = Object.getOwnPropertyDescriptor(owner, key);
      if (!descriptor) continue;
      const name = `${where}.${String(key)}`;
      if ('value' in descriptor) seen.set(name, descriptor.value);
      if (descriptor.get) seen.set(`${name} (get)`, descriptor.get);
      if (descriptor.set) seen.set(`${name} (set)`, descriptor.set);
    }
  };
  for (const file of modules) {
    const exported = require(file) as Record<string, unknown>;
    record(file, exported);
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value !== 'function') continue;
      record(`${file}:${name}`, value);
      if (value.prototype) record(`${file}:${name}.prototype`, value.prototype);
    }
  }
  return seen;
}

function changedEntries(before: Snapshot, after: Snapshot): string[] {
  const changed: string[] = [];
  for (const [name, value] of before) if (after.get(name) !== value) changed.push(name);
  for (const name of after.keys()) if (!before.has(name)) changed.push(`${name} (added)`);
  return changed;
}

/** Own properties holding functions on a library object: an instance method replaced by a wrapper. */
function ownFunctions(object: object, path: string): string[] {
  return Reflect.ownKeys(object)
    .filter((key) => typeof Object.getOwnPropertyDescriptor(object, key)?.value === 'function')
    .map((key) => `${path}.${String(key)}`);
}

describe('the @sigstore packages run as published', () => {
  it('loading and running our verification leaves every function, static and prototype method unchanged', async () => {
    const modules = sigstoreModules();
    expect(modules.length).toBeGreaterThan(50);
    const before = snapshot(modules);

    // Only now load our code (it must not be loaded by an import at the top of this file).
    const { parseTrustedRoot } = await import('../../src/sigstore/trusted-root.js');
    const { verifyArtifactSignature } = await import('../../src/sigstore/verify-artifact.js');
    const pki = await getTestPki();
    const trustedRoot = parseTrustedRoot(pki.trustedRootText, 'test trusted root');
    const artifact = Buffer.from('kubernetes release sbom bytes\n');
    const signed = await signBlob(artifact);
    const material = {
      kind: 'detached' as const,
      signature: signed.signatureB64,
      certificate: signed.certificateB64,
      rekorEntry: JSON.stringify(signed.rekorEntry),
    };
    const policy = { identity: K8S_BLOB_IDENTITY, issuer: GOOGLE_ISSUER };
    const good = await verifyArtifactSignature({ artifact, material, trustedRoot, policy, offline: true });
    expect(good.verified).toBe(true);
    const tampered = await verifyArtifactSignature({ artifact: Buffer.from('tampered\n'), material, trustedRoot, policy, offline: true });
    expect(tampered.verified).toBe(false);

    expect(changedEntries(before, snapshot(modules))).toEqual([]);
    // Nor is any certificate of the trust material given a method of its own.
    const certificates = trustedRoot.material.certificateAuthorities.flatMap((ca) => ca.certChain);
    expect(certificates.length).toBeGreaterThan(0);
    expect(
      certificates.flatMap((cert, i) => [
        ...ownFunctions(cert, `ca[${i}]`),
        ...ownFunctions(cert.root, `ca[${i}].root`),
        ...ownFunctions(cert.tbsCertificate, `ca[${i}].tbs`),
      ]),
    ).toEqual([]);
  });

  it.skipIf(realdataMissing)('a real public-good bundle verifies through the unmodified libraries too', async () => {
    const modules = sigstoreModules();
    const before = snapshot(modules);
    const { verifyBlob } = await import('../../src/verify/verify-blob.js');
    const suite = realdata('sigstore', 'sigstore-conformance', 'bundle-verify');
    const report = await verifyBlob(
      {
        artifactPath: join(suite, 'a.txt'),
        bundlePath: join(suite, 'happy-path-v0.3', 'bundle.sigstore.json'),
        maxArtifactBytes: 2 ** 31,
        offline: true,
        policy: { identity: CONFORMANCE_IDENTITY, issuer: 'https://token.actions.githubusercontent.com' },
      },
      {
        readFile: (path) => readFile(path),
        streamFile: (path) => streamFileForSignature(path),
        writeOutputFile: () => Promise.reject(new Error('nothing is written')),
        warn: () => undefined,
      },
    );
    expect(report.verified).toBe(true);
    expect(changedEntries(before, snapshot(modules))).toEqual([]);
  });
});
