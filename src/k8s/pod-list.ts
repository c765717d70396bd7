// What `kubectl get pods -A -o json` prints: a List of Pods with their status. Each container status says which
// image runs (imageID: docker-pullable://name@sha256:..., name@sha256:..., or only the local image ID sha256:...).
import { CONTAINER_FIELDS, type ContainerField } from './manifest-images.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const STATUS_FIELDS: Record<ContainerField, string> = {
  initContainers: 'initContainerStatuses',
  containers: 'containerStatuses',
  ephemeralContainers: 'ephemeralContainerStatuses',
};

export interface RunningContainer {
  namespace: string;
  pod: string;
  container: string;
  field: ContainerField;
  /** The image the pod spec asks for (what a manifest says). */
  specImage?: string;
  /** status.imageID as the kubelet reports it. */
  imageId: string;
  /** The registry digest of what runs, with the name it was pulled by (absent when the runtime gave only its local image ID). */
  running?: { name: string; digest: string };
  /** The runtime's local image ID (sha256 of the image config) when that is all imageID holds. */
  localImageId?: string;
}

/** A List (or PodList) whose items are Pods with a status: cluster state, not manifests to deploy. */
export function isPodList(value: unknown): value is Obj {
  if (!isObj(value) || (value.kind !== 'List' && value.kind !== 'PodList')) return false;
  const items = list(value.items);
  return items.length > 0 && items.every((i) => isObj(i) && (i.kind === undefined || i.kind === 'Pod') && isObj(i.spec) && isObj(i.status));
}

const DIGEST = /^sha256:[a-f0-9]{64}$/;

/** The name and digest in an imageID; a bare sha256:... is the runtime's image ID, not a registry digest. */
export function parseImageId(imageId: string): { name: string; digest: string } | { localImageId: string } | undefined {
  const text = imageId.replace(/^[a-z-]+:\/\//, '');
  if (DIGEST.test(text)) return { localImageId: text };
  const at = text.lastIndexOf('@');
  if (at > 0 && DIGEST.test(text.slice(at + 1))) return { name: text.slice(0, at), digest: text.slice(at + 1) };
  return undefined;
}

export function runningContainers(podList: Obj): RunningContainer[] {
  const out: RunningContainer[] = [];
  for (const item of list(podList.items)) {
    if (!isObj(item) || !isObj(item.spec) || !isObj(item.status)) continue;
    const meta = isObj(item.metadata) ? item.metadata : {};
    const pod = str(meta.name) ?? '(unnamed)';
    const namespace = str(meta.namespace) ?? 'default';
    for (const field of CONTAINER_FIELDS) {
      const specs = new Map(list(item.spec[field]).flatMap((c) => (isObj(c) && str(c.name) ? [[str(c.name)!, str(c.image)]] : [])));
      for (const status of list(item.status[STATUS_FIELDS[field]])) {
        if (!isObj(status)) continue;
        const container = str(status.name) ?? '(unnamed)';
        const imageId = str(status.imageID) ?? '';
        const parsed = imageId ? parseImageId(imageId) : undefined;
        const specImage = specs.get(container) ?? str(status.image);
        out.push({
          namespace,
          pod,
          container,
          field,
          ...(specImage ? { specImage } : {}),
          imageId,
          ...(parsed && 'digest' in parsed ? { running: parsed } : {}),
          ...(parsed && 'localImageId' in parsed ? { localImageId: parsed.localImageId } : {}),
        });
      }
    }
  }
  return out;
}
