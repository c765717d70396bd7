// Rekor entries as users save them: the REST API's `{uuid: {body, integratedTime, logID, logIndex, verification}}`,
// its inner object, or cosign's `dev.sigstore.cosign/bundle` annotation `{SignedEntryTimestamp, Payload}`.
import { createHash } from 'node:crypto';
import { checkError } from '../common/errors.js';
import { decodeBase64Strict } from './detached.js';

export interface RekorInclusionProof {
  checkpoint: string;
  hashes: string[];
  logIndex: number;
  rootHash: string;
  treeSize: number;
}

export interface RekorEntry {
  uuid: string;
  body: Buffer;
  /** Parsed body, e.g. {kind: 'hashedrekord', apiVersion: '0.0.1', spec: {...}}. */
  bodyJson: { kind: string; apiVersion: string; spec?: unknown };
  integratedTime: number;
  logIndex: number;
  logIdHex: string;
  signedEntryTimestamp?: string;
  inclusionProof?: RekorInclusionProof;
}

const malformed = (source: string, why: string) => checkError('REKOR_ENTRY_MALFORMED', `${source}: not a Rekor entry: ${why}`);

/** Parses a saved Rekor entry in any of the accepted shapes. */
export function parseRekorEntry(text: string, source: string): RekorEntry {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw malformed(source, `not JSON (${(err as Error).message})`);
  }
  if (Array.isArray(json) && json.length === 1) json = json[0];
  if (!isObject(json)) throw malformed(source, 'expected a JSON object');
  if (isObject(json.Payload)) {
    const p = json.Payload;
    return normalise(source, undefined, {
      body: p.body,
      integratedTime: p.integratedTime,
      logIndex: p.logIndex,
      logID: p.logID,
      verification: { signedEntryTimestamp: json.SignedEntryTimestamp },
    });
  }
  if ('body' in json) return normalise(source, undefined, json);
  const keys = Object.keys(json);
  if (keys.length !== 1) throw malformed(source, `expected one entry keyed by its UUID, found ${keys.length} keys`);
  const value = json[keys[0]!];
  if (!isObject(value)) throw malformed(source, 'the entry is not an object');
  return normalise(source, keys[0], value);
}

function normalise(source: string, uuid: string | undefined, v: Record<string, unknown>): RekorEntry {
  if (typeof v.body !== 'string') throw malformed(source, 'body is missing');
  const body = decodeBase64Strict(v.body);
  if (!body) throw malformed(source, 'body is not base64');
  let bodyJson: RekorEntry['bodyJson'];
  try {
    bodyJson = JSON.parse(body.toString('utf8'));
  } catch {
    throw malformed(source, 'body is not base64 JSON');
  }
  if (!isObject(bodyJson) || typeof bodyJson.kind !== 'string' || typeof bodyJson.apiVersion !== 'string') {
    throw malformed(source, 'body has no kind/apiVersion');
  }
  const integratedTime = v.integratedTime;
  const logIndex = v.logIndex;
  if (!Number.isSafeInteger(integratedTime) || (integratedTime as number) <= 0) throw malformed(source, 'integratedTime is not a positive integer');
  if (!Number.isSafeInteger(logIndex) || (logIndex as number) < 0) throw malformed(source, 'logIndex is not a non-negative integer');
  if (typeof v.logID !== 'string' || !/^[0-9a-f]{64}$/i.test(v.logID)) throw malformed(source, 'logID is not 64 hex digits');
  const verification = isObject(v.verification) ? v.verification : {};
  const set = verification.signedEntryTimestamp;
  if (set !== undefined && (typeof set !== 'string' || !decodeBase64Strict(set))) throw malformed(source, 'signedEntryTimestamp is not base64');
  const entry: RekorEntry = {
    uuid:
      uuid ??
      createHash('sha256')
        .update(Buffer.from([0]))
        .update(body)
        .digest('hex'),
    body,
    bodyJson,
    integratedTime: integratedTime as number,
    logIndex: logIndex as number,
    logIdHex: (v.logID as string).toLowerCase(),
    signedEntryTimestamp: set as string | undefined,
  };
  if (verification.inclusionProof !== undefined) entry.inclusionProof = parseProof(source, verification.inclusionProof);
  return entry;
}

function parseProof(source: string, p: unknown): RekorInclusionProof {
  if (!isObject(p)) throw malformed(source, 'inclusionProof is not an object');
  const hex = (s: unknown) => typeof s === 'string' && /^[0-9a-f]{64}$/i.test(s);
  if (typeof p.checkpoint !== 'string') throw malformed(source, 'inclusionProof.checkpoint is missing');
  if (!Array.isArray(p.hashes) || !p.hashes.every(hex)) throw malformed(source, 'inclusionProof.hashes must be hex SHA-256 values');
  if (!hex(p.rootHash)) throw malformed(source, 'inclusionProof.rootHash is not hex SHA-256');
  if (!Number.isSafeInteger(p.logIndex) || !Number.isSafeInteger(p.treeSize)) throw malformed(source, 'inclusionProof.logIndex/treeSize must be integers');
  return {
    checkpoint: p.checkpoint,
    hashes: p.hashes as string[],
    logIndex: p.logIndex as number,
    rootHash: p.rootHash as string,
    treeSize: p.treeSize as number,
  };
}

/** The entry as a Sigstore bundle tlog entry (protobuf JSON). */
export function toTlogEntryJson(entry: RekorEntry): Record<string, unknown> {
  const out: Record<string, unknown> = {
    logIndex: String(entry.logIndex),
    logId: { keyId: Buffer.from(entry.logIdHex, 'hex').toString('base64') },
    kindVersion: { kind: entry.bodyJson.kind, version: entry.bodyJson.apiVersion },
    integratedTime: String(entry.integratedTime),
    canonicalizedBody: entry.body.toString('base64'),
  };
  if (entry.signedEntryTimestamp) out.inclusionPromise = { signedEntryTimestamp: entry.signedEntryTimestamp };
  const proof = entry.inclusionProof;
  if (proof) {
    out.inclusionProof = {
      logIndex: String(proof.logIndex),
      rootHash: Buffer.from(proof.rootHash, 'hex').toString('base64'),
      treeSize: String(proof.treeSize),
      hashes: proof.hashes.map((h) => Buffer.from(h, 'hex').toString('base64')),
      checkpoint: { envelope: proof.checkpoint },
    };
  }
  return out;
}

/** The entry in the Rekor REST shape, for --save-rekor-entry. */
export function toRestEntry(entry: RekorEntry): Record<string, unknown> {
  const verification: Record<string, unknown> = {};
  if (entry.signedEntryTimestamp) verification.signedEntryTimestamp = entry.signedEntryTimestamp;
  if (entry.inclusionProof) verification.inclusionProof = entry.inclusionProof;
  return {
    [entry.uuid]: {
      body: entry.body.toString('base64'),
      integratedTime: entry.integratedTime,
      logID: entry.logIdHex,
      logIndex: entry.logIndex,
      verification,
    },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
