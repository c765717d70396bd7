// A fake Rekor log: hashedrekord bodies, signed entry timestamps and RFC 6962 inclusion proofs with a signed
// checkpoint, in the exact JSON shapes the Rekor REST API returns.
import { createHash } from 'node:crypto';
import { deterministicSign, type TestKeyPair } from './keys.js';

export interface RekorLog {
  keys: TestKeyPair;
  /** sha256 of the log key's SPKI DER. */
  logId: Buffer;
  /** Checkpoint origin line; its first word must appear in the trusted root's baseUrl. */
  origin: string;
  baseUrl: string;
  treeId: string;
}

/** The Rekor REST API's inclusion proof object. */
export interface RekorInclusionProof {
  checkpoint: string;
  hashes: string[];
  logIndex: number;
  rootHash: string;
  treeSize: number;
}

export interface RekorEntryValue {
  body: string;
  integratedTime: number;
  logID: string;
  logIndex: number;
  verification: { signedEntryTimestamp: string; inclusionProof?: RekorInclusionProof };
}

/** `GET /api/v1/log/entries/{uuid}` answers with exactly this: one key, the entry UUID. */
export type RekorRestEntry = Record<string, RekorEntryValue>;

export interface LogEntryOptions {
  integratedTime: number;
  logIndex: number;
  inclusionProof: boolean;
  /** Sign the SET with this key instead of the log's (a forged SET). */
  setSigner?: TestKeyPair;
}

/** Rekor's canonical hashedrekord v0.0.1 body (keys sorted, no spaces). */
export function hashedRekordBody(digestHex: string, signatureB64: string, certificatePem: string): Buffer {
  const body = {
    apiVersion: '0.0.1',
    kind: 'hashedrekord',
    spec: {
      data: { hash: { algorithm: 'sha256', value: digestHex } },
      signature: { content: signatureB64, publicKey: { content: Buffer.from(certificatePem).toString('base64') } },
    },
  };
  return Buffer.from(JSON.stringify(body), 'utf8');
}

export function makeRekorEntry(log: RekorLog, body: Buffer, options: LogEntryOptions): { uuid: string; entry: RekorRestEntry } {
  const bodyB64 = body.toString('base64');
  const logID = log.logId.toString('hex');
  // SET: ECDSA over the canonical JSON of these four fields, keys in this (sorted) order.
  const setPayload = JSON.stringify({ body: bodyB64, integratedTime: options.integratedTime, logID, logIndex: options.logIndex });
  const signedEntryTimestamp = deterministicSign(Buffer.from(setPayload), options.setSigner ?? log.keys).toString('base64');
  const leaf = leafHash(body);
  const uuid = log.treeId + leaf.toString('hex');
  const value: RekorEntryValue = {
    body: bodyB64,
    integratedTime: options.integratedTime,
    logID,
    logIndex: options.logIndex,
    verification: { signedEntryTimestamp },
  };
  if (options.inclusionProof) value.verification.inclusionProof = inclusionProof(log, leaf, options.logIndex);
  return { uuid, entry: { [uuid]: value } };
}

/** A small tree around the entry: a few filler leaves derived from the entry, then a proof and a checkpoint. */
function inclusionProof(log: RekorLog, leaf: Buffer, globalIndex: number): RekorInclusionProof {
  const treeSize = 7;
  const index = globalIndex % treeSize;
  const leaves = Array.from({ length: treeSize }, (_, i) => (i === index ? leaf : leafHash(Buffer.from(`filler ${i} for ${leaf.toString('hex')}`))));
  const rootHash = merkleRoot(leaves);
  const hashes = merkleProof(index, leaves);
  return {
    checkpoint: signCheckpoint(log, treeSize, rootHash),
    hashes: hashes.map((h) => h.toString('hex')),
    logIndex: index,
    rootHash: rootHash.toString('hex'),
    treeSize,
  };
}

export function signCheckpoint(log: RekorLog, treeSize: number, rootHash: Buffer): string {
  const note = `${log.origin}\n${treeSize}\n${rootHash.toString('base64')}\n`;
  const signature = deterministicSign(Buffer.from(note), log.keys);
  const name = log.origin.split(' ')[0];
  const sig = Buffer.concat([log.logId.subarray(0, 4), signature]).toString('base64');
  return `${note}\n\u2014 ${name} ${sig}\n`;
}

export function leafHash(data: Buffer): Buffer {
  return createHash('sha256')
    .update(Buffer.from([0]))
    .update(data)
    .digest();
}

function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256')
    .update(Buffer.from([1]))
    .update(left)
    .update(right)
    .digest();
}

/** RFC 6962 MTH over leaf hashes. */
function merkleRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 1) return leaves[0]!;
  const k = largestPowerOfTwoBelow(leaves.length);
  return nodeHash(merkleRoot(leaves.slice(0, k)), merkleRoot(leaves.slice(k)));
}

/** RFC 6962 PATH(m, D[n]), ordered from the leaf upwards. */
function merkleProof(m: number, leaves: Buffer[]): Buffer[] {
  if (leaves.length <= 1) return [];
  const k = largestPowerOfTwoBelow(leaves.length);
  if (m < k) return [...merkleProof(m, leaves.slice(0, k)), merkleRoot(leaves.slice(k))];
  return [...merkleProof(m - k, leaves.slice(k)), merkleRoot(leaves.slice(0, k))];
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
