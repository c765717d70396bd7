// The signature thread's side (see signature-thread.ts): reads each artifact and checks its signature, one at a time,
// off the main thread, so a release's downloads and hashing go on while the previous file is verified.
import { parentPort } from 'node:worker_threads';
import { KubeSbomError } from '../common/errors.js';
import { serialized } from '../common/serialized.js';
import { parseTrustedRoot, type LoadedTrustedRoot } from '../sigstore/trusted-root.js';
import { reusableReader } from './artifact-reader.js';
import { checkDetachedSignature } from './detached-signature-check.js';
import type { SignatureTask, SignatureTaskReply } from './signature-thread.js';

export function serveSignatureChecks(): void {
  const port = parentPort;
  if (!port) return;
  const roots = new Map<string, LoadedTrustedRoot>();
  const readArtifact = reusableReader();
  const send = (reply: SignatureTaskReply): void => {
    try {
      port.postMessage(reply);
    } catch (err) {
      // A reply that cannot be sent still answers: the check fails rather than waiting forever.
      port.postMessage({ id: reply.id, error: { message: `the check's result could not be passed back: ${(err as Error).message}` } });
    }
  };
  // One at a time: the read buffer is reused from artifact to artifact.
  const oneAtATime = serialized();
  port.on('message', (task: SignatureTask) => void oneAtATime(() => answer(task)).then(send));

  async function answer(task: SignatureTask): Promise<SignatureTaskReply> {
    try {
      let root = roots.get(task.root.key);
      if (!root) {
        root = parseTrustedRoot(task.root.json, task.root.source);
        roots.set(task.root.key, root);
      }
      const artifact = await readArtifact(task.input.artifactPath);
      return { id: task.id, report: await checkDetachedSignature(task.input, artifact, root) };
    } catch (err) {
      const e = err as Partial<KubeSbomError>;
      return { id: task.id, error: { message: e?.message ?? String(err), ...(err instanceof KubeSbomError ? { code: err.code, kind: err.kind } : {}) } };
    }
  }
}
