// A whole test PKI (fake Fulcio CA chain, fake Rekor log, fake CT log) and its trusted_root.json.
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createIntermediateCa, createRootCa, type TestCertificate } from './certificates.js';
import { seededKeyPair, type TestKeyPair } from './keys.js';
import type { RekorLog } from './rekor-log.js';

export interface TestPki {
  name: string;
  root: TestCertificate;
  rootKeys: TestKeyPair;
  intermediate: TestCertificate;
  intermediateKeys: TestKeyPair;
  rekor: RekorLog;
  ctLog: { keys: TestKeyPair; logId: Buffer; baseUrl: string };
  /** The trusted root as a plain object (protobuf JSON form of TrustedRoot). */
  trustedRoot: TrustedRootJson;
  /** The trusted root serialised the same way every time (2-space JSON, trailing newline). */
  trustedRootText: string;
}

export type TrustedRootJson = Record<string, unknown>;

/** Everything in a test PKI is valid from here on; signing times must come after it. */
export const PKI_VALID_FROM = new Date('2020-01-01T00:00:00Z');
export const PKI_VALID_UNTIL = new Date('2045-01-01T00:00:00Z');

const cache = new Map<string, Promise<TestPki>>();

/** The PKI called `name` ('trusted' by default; any other name is a separate, unrelated PKI). Cached per process. */
export function getTestPki(name = 'trusted'): Promise<TestPki> {
  let pending = cache.get(name);
  if (!pending) {
    pending = buildPki(name);
    cache.set(name, pending);
  }
  return pending;
}

async function buildPki(name: string): Promise<TestPki> {
  const host = name === 'trusted' ? 'kube-sbom.test' : `${name}.kube-sbom.test`;
  const [rootKeys, intermediateKeys, rekorKeys, ctKeys] = await Promise.all([
    seededKeyPair(`${name}/root`, 'P-384'),
    seededKeyPair(`${name}/intermediate`, 'P-384'),
    seededKeyPair(`${name}/rekor`, 'P-256'),
    seededKeyPair(`${name}/ctlog`, 'P-256'),
  ]);
  const caName = `kube-sbom test fulcio (${name})`;
  const root = await createRootCa(caName, rootKeys, PKI_VALID_FROM, PKI_VALID_UNTIL);
  const intermediate = await createIntermediateCa(caName, intermediateKeys, root, rootKeys, PKI_VALID_FROM, PKI_VALID_UNTIL);
  const rekorLogId = sha256(rekorKeys.spki);
  const rekor: RekorLog = {
    keys: rekorKeys,
    logId: rekorLogId,
    origin: `rekor.${host} - ${BigInt('0x' + rekorLogId.subarray(0, 7).toString('hex'))}`,
    baseUrl: `https://rekor.${host}`,
    treeId: rekorLogId.subarray(8, 16).toString('hex'),
  };
  const ctLog = { keys: ctKeys, logId: sha256(ctKeys.spki), baseUrl: `https://ctfe.${host}/test` };
  const trustedRoot = trustedRootFor({ caName, host, root, intermediate, rekor, ctLog });
  const trustedRootText = `${JSON.stringify(trustedRoot, null, 2)}\n`;
  return { name, root, rootKeys, intermediate, intermediateKeys, rekor, ctLog, trustedRoot, trustedRootText };
}

function trustedRootFor(p: {
  caName: string;
  host: string;
  root: TestCertificate;
  intermediate: TestCertificate;
  rekor: RekorLog;
  ctLog: { keys: TestKeyPair; logId: Buffer; baseUrl: string };
}): TrustedRootJson {
  const validFor = { start: PKI_VALID_FROM.toISOString().replace('.000Z', 'Z') };
  const logKey = (keys: TestKeyPair) => ({
    rawBytes: keys.spki.toString('base64'),
    keyDetails: 'PKIX_ECDSA_P256_SHA_256',
    validFor,
  });
  return {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [
      {
        baseUrl: p.rekor.baseUrl,
        hashAlgorithm: 'SHA2_256',
        publicKey: logKey(p.rekor.keys),
        logId: { keyId: p.rekor.logId.toString('base64') },
      },
    ],
    certificateAuthorities: [
      {
        subject: { organization: p.caName, commonName: `${p.caName} intermediate` },
        uri: `https://fulcio.${p.host}`,
        certChain: { certificates: [{ rawBytes: p.intermediate.der.toString('base64') }, { rawBytes: p.root.der.toString('base64') }] },
        validFor,
      },
    ],
    ctlogs: [
      {
        baseUrl: p.ctLog.baseUrl,
        hashAlgorithm: 'SHA2_256',
        publicKey: logKey(p.ctLog.keys),
        logId: { keyId: p.ctLog.logId.toString('base64') },
      },
    ],
    timestampAuthorities: [],
  };
}

/** Writes the PKI's trusted_root.json; the same PKI name always gives the same bytes. */
export async function writeTrustedRoot(path: string, name = 'trusted'): Promise<void> {
  const pki = await getTestPki(name);
  await writeFile(path, pki.trustedRootText);
}

function sha256(data: Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}
