// check's inputs: manifest files, and pod lists (kubectl get pods -o json), told apart by shape, plus --pods FILE|-.
import { parse } from 'yaml';
import { usageError } from '../common/errors.js';
import { readLimited } from '../common/read-limited.js';
import { isPodList, runningContainers, type RunningContainer } from '../k8s/pod-list.js';
import type { ManifestFile } from '../verify/pin-manifests.js';
import { decodeUtf8 } from './manifest-files.js';

export interface CheckInputs {
  manifests: ManifestFile[];
  running: RunningContainer[];
  /** Where each pod list came from, for the report. */
  podLists: string[];
}

/** A document that is one List of Pods with status is cluster state; anything else is manifests. */
function podListOf(text: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = text.trimStart().startsWith('{') ? JSON.parse(text) : parse(text);
  } catch {
    return undefined; // not one JSON or YAML document: the manifest parser reports it with line and column
  }
  return isPodList(value) ? value : undefined;
}

export async function splitInputs(files: ManifestFile[], podsOption: string | undefined, maxBytes: number): Promise<CheckInputs> {
  const inputs: CheckInputs = { manifests: [], running: [], podLists: [] };
  for (const file of files) {
    const list = podListOf(file.text);
    if (list) {
      inputs.running.push(...runningContainers(list));
      inputs.podLists.push(file.path);
    } else inputs.manifests.push(file);
  }
  if (podsOption !== undefined) {
    const name = podsOption === '-' ? 'stdin' : podsOption;
    const text = podsOption === '-' ? await readStdin(maxBytes) : decodeUtf8(await readLimited(podsOption, { maxBytes, hint: 'raise --max-size' }), podsOption);
    const list = podListOf(text);
    if (!list) throw usageError('PODS_INVALID', `--pods ${name}: not a List of Pods with status; give what \`kubectl get pods -A -o json\` prints`);
    inputs.running.push(...runningContainers(list));
    inputs.podLists.push(name);
  }
  return inputs;
}

async function readStdin(maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw usageError('PODS_TOO_LARGE', `--pods -: stdin is larger than --max-size`);
    chunks.push(chunk);
  }
  return decodeUtf8(Buffer.concat(chunks), 'stdin');
}
