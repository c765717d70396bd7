// The offline demo in samples/: where its pieces are, read from samples/demo.json (written by npm run samples).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ioError } from '../common/errors.js';
import { packageRoot } from '../common/package-root.js';

export interface DemoManifest {
  version: string;
  trustedRoot: string;
  rekorEntry: string;
  /** The saved Rekor entries folder (by-hash/, entries/); older samples have none. */
  rekor?: string;
  ociLayout: string;
  sbom: string;
  dl: string;
  releaseIdentity: string;
  imageIdentity: string;
  issuer: string;
}

export interface DemoSettings {
  version: string;
  sbomUrl: string;
  dlUrl: string;
  trustedRootPath: string;
  rekorEntryFile: string;
  /** file:// URL of the saved Rekor entries: where the release files' signatures are looked up offline. */
  rekorUrl?: string;
  ociLayout: string;
  releaseIdentity: string;
  imageIdentity: string;
  issuer: string;
}

/** samples/ in the project root, found from sources, compiled files and the bundle alike. */
export function samplesDir(): string {
  const root = packageRoot(import.meta.url);
  if (root === undefined) throw ioError('SAMPLES_MISSING', `no kube-sbom package.json above ${fileURLToPath(import.meta.url)}`);
  return join(root, 'samples');
}

export async function loadDemo(dir = samplesDir()): Promise<DemoSettings> {
  let manifest: DemoManifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, 'demo.json'), 'utf8')) as DemoManifest;
  } catch (err) {
    throw ioError('SAMPLES_MISSING', `${join(dir, 'demo.json')}: the offline demo is missing or damaged; run npm run samples`, err);
  }
  const at = (p: string) => join(dir, p);
  return {
    version: manifest.version,
    sbomUrl: pathToFileURL(`${at(manifest.sbom)}/`).href,
    dlUrl: pathToFileURL(`${at(manifest.dl)}/`).href,
    trustedRootPath: at(manifest.trustedRoot),
    rekorEntryFile: at(manifest.rekorEntry),
    ...(manifest.rekor ? { rekorUrl: pathToFileURL(`${at(manifest.rekor)}/`).href } : {}),
    ociLayout: at(manifest.ociLayout),
    releaseIdentity: manifest.releaseIdentity,
    imageIdentity: manifest.imageIdentity,
    issuer: manifest.issuer,
  };
}

export const DEMO_BANNER = "DEMO DATA: made-up release under a demo trust root (samples/), not Kubernetes'";
