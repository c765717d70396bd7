// Signature checks on a second thread: reading a release file back and checking its signature (a SHA-256 pass, the
// ECDSA pass of the @sigstore/verify gate, the certificate chain) is work the main thread, busy downloading and
// hashing the next files, would otherwise do in turn. The thread is the program itself started as a worker.
import { Worker } from 'node:worker_threads';
import { ioError, KubeSbomError, type ErrorKind } from '../common/errors.js';
import { workerEntry, type WorkerStart } from '../common/worker-entry.js';
import { TrustedRoot } from '../sigstore/library.js';
import type { LoadedTrustedRoot } from '../sigstore/trusted-root.js';
import type { DetachedSignatureInput, SignatureReport } from './release-check.js';

export interface SignatureTask {
  id: number;
  input: DetachedSignatureInput;
  /** The trusted root as the main thread chose it (TUF, file or shipped), parsed once per key on the thread. */
  root: { key: string; json: string; source: string };
}

export type SignatureTaskReply = { id: number; report: SignatureReport } | { id: number; error: { message: string; code?: string; kind?: ErrorKind } };

interface Pending {
  worker: Worker;
  resolve: (report: SignatureReport) => void;
  reject: (err: Error) => void;
}

export class SignatureThread {
  private worker?: Worker;
  private nextId = 1;
  private nextRootKey = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly rootKeys = new WeakMap<LoadedTrustedRoot, { key: string; json: string; source: string }>();

  private constructor(private readonly entry: URL) {}

  /** A thread when the program can start one (run from its entry file, on more than one core); else undefined. */
  static create(): SignatureThread | undefined {
    const entry = workerEntry();
    return entry ? new SignatureThread(entry) : undefined;
  }

  check(input: DetachedSignatureInput, root: LoadedTrustedRoot): Promise<SignatureReport> {
    const worker = this.started();
    const id = this.nextId++;
    const task: SignatureTask = { id, input, root: this.describe(root) };
    return new Promise<SignatureReport>((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject });
      // Held open only while a check is under way: an idle thread never keeps the program from exiting.
      worker.ref();
      worker.postMessage(task);
    });
  }

  private describe(root: LoadedTrustedRoot) {
    let described = this.rootKeys.get(root);
    if (!described) {
      described = { key: String(this.nextRootKey++), json: JSON.stringify(TrustedRoot.toJSON(root.root)), source: root.source };
      this.rootKeys.set(root, described);
    }
    return described;
  }

  private holds(worker: Worker): boolean {
    for (const waiting of this.pending.values()) if (waiting.worker === worker) return true;
    return false;
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const start: WorkerStart = { kubeSbomWorkerRole: 'signature' };
    // Its heap holds little (the file's bytes live outside it, in one reused buffer): a small young generation will do.
    const worker = new Worker(this.entry, { workerData: start, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
    worker.on('message', (reply: SignatureTaskReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (!this.holds(worker)) worker.unref();
      if ('report' in reply) waiting.resolve(reply.report);
      else
        waiting.reject(
          reply.error.code ? new KubeSbomError(reply.error.code, reply.error.message, { kind: reply.error.kind }) : new Error(reply.error.message),
        );
    });
    // A thread that dies fails every check it held (never a pass); the next check starts a new one.
    const fail = (why: string) => {
      if (this.worker === worker) this.worker = undefined;
      const err = ioError('SIGNATURE_THREAD_FAILED', `the signature-checking thread stopped (${why}); the signature was not verified`);
      for (const [id, waiting] of this.pending) {
        if (waiting.worker !== worker) continue;
        this.pending.delete(id);
        waiting.reject(err);
      }
    };
    worker.on('error', (err) => fail(err.message));
    worker.on('exit', (code) => fail(`exit code ${code}`));
    this.worker = worker;
    return worker;
  }
}
