// kubectl get pods -o json: which documents are pod lists, and the digest each imageID form names.
import { describe, expect, it } from 'vitest';
import { isPodList, parseImageId, runningContainers } from '../../src/k8s/pod-list.js';

const D = `sha256:${'c'.repeat(64)}`;

describe('pod lists', () => {
  it.each([
    [`docker-pullable://registry.k8s.io/pause@${D}`, { name: 'registry.k8s.io/pause', digest: D }],
    [`registry.k8s.io/kube-apiserver@${D}`, { name: 'registry.k8s.io/kube-apiserver', digest: D }],
    [`docker-pullable://nginx@${D}`, { name: 'nginx', digest: D }],
    [D, { localImageId: D }],
    [`docker://${D}`, { localImageId: D }],
    ['registry.k8s.io/pause:3.9', undefined],
    [`registry.k8s.io/pause@sha256:short`, undefined],
  ])('imageID %s', (imageId, expected) => {
    expect(parseImageId(imageId)).toEqual(expected);
  });

  it('a List of Pods with status is a pod list; a List of Deployments, or Pods without status, is not', () => {
    const pod = { kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [] }, status: {} };
    expect(isPodList({ kind: 'List', items: [pod] })).toBe(true);
    expect(isPodList({ kind: 'PodList', items: [{ ...pod, kind: undefined }] })).toBe(true);
    expect(isPodList({ kind: 'List', items: [{ ...pod, kind: 'Deployment' }] })).toBe(false);
    expect(isPodList({ kind: 'List', items: [{ kind: 'Pod', spec: {} }] })).toBe(false);
    expect(isPodList({ kind: 'List', items: [] })).toBe(false);
  });

  it('reads init, regular and ephemeral container statuses, the spec image by container name, and the namespace', () => {
    const list = {
      kind: 'List',
      items: [
        {
          kind: 'Pod',
          metadata: { name: 'web', namespace: 'shop' },
          spec: { initContainers: [{ name: 'init', image: 'busybox:1.36' }], containers: [{ name: 'app', image: 'nginx:1.25' }] },
          status: {
            initContainerStatuses: [{ name: 'init', image: 'docker.io/library/busybox:1.36', imageID: `docker.io/library/busybox@${D}` }],
            containerStatuses: [{ name: 'app', image: 'docker.io/library/nginx:1.25', imageID: D }],
            ephemeralContainerStatuses: [{ name: 'debug', image: 'busybox', imageID: '' }],
          },
        },
      ],
    };
    expect(runningContainers(list)).toEqual([
      {
        namespace: 'shop',
        pod: 'web',
        container: 'init',
        field: 'initContainers',
        specImage: 'busybox:1.36',
        imageId: `docker.io/library/busybox@${D}`,
        running: { name: 'docker.io/library/busybox', digest: D },
      },
      { namespace: 'shop', pod: 'web', container: 'app', field: 'containers', specImage: 'nginx:1.25', imageId: D, localImageId: D },
      { namespace: 'shop', pod: 'web', container: 'debug', field: 'ephemeralContainers', specImage: 'busybox', imageId: '' },
    ]);
  });
});
