// Where a worker thread starts: the program's own entry file (main.ts registers it), which, started as a worker, runs
// the role it is given instead of the command line. Unregistered (tests that import modules directly): no threads.
import { availableParallelism } from 'node:os';

let entry: URL | undefined;

export type WorkerRole = 'signature';

export interface WorkerStart {
  kubeSbomWorkerRole: WorkerRole;
}

/** The program's entry file (undefined: none, checks stay on the calling thread). */
export function registerWorkerEntry(url: string | undefined): void {
  entry = url === undefined ? undefined : new URL(url);
}

/** The entry file to start a worker from, or undefined when there is none or a second thread would gain nothing. */
export function workerEntry(): URL | undefined {
  return entry && availableParallelism() > 1 ? entry : undefined;
}

export function workerRole(data: unknown): WorkerRole | undefined {
  const role = (data as Partial<WorkerStart> | null)?.kubeSbomWorkerRole;
  return role === 'signature' ? role : undefined;
}
