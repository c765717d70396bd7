// Image fields found by kind in YAML and JSON manifests, and rewrites that change nothing but those fields.
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/k8s/manifest-images.js';

const images = (text: string) => parseManifest(text, 'm.yaml').images.map((i) => `${i.kind}/${i.object}/${i.field}/${i.container}=${i.value}@${i.line}`);

const WORKLOADS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job'];

describe('parseManifest: image fields by kind', () => {
  it('finds containers, init containers and ephemeral containers of a Pod', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
  - name: init
    image: busybox:1.36
  containers:
  - name: app
    image: registry.k8s.io/pause:3.9
  ephemeralContainers:
  - name: debug
    image: registry.k8s.io/e2e-test-images/agnhost:2.47
`;
    expect(images(text)).toEqual([
      'Pod/p/initContainers/init=busybox:1.36@7',
      'Pod/p/containers/app=registry.k8s.io/pause:3.9@10',
      'Pod/p/ephemeralContainers/debug=registry.k8s.io/e2e-test-images/agnhost:2.47@13',
    ]);
  });

  it.each(WORKLOADS)('finds the pod template of a %s', (kind) => {
    const text = `kind: ${kind}\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        image: a/b:1\n`;
    expect(images(text)).toEqual([`${kind}/w/containers/c=a/b:1@9`]);
  });

  it("finds CronJob's jobTemplate, PodTemplate's template and List items, and nothing in other kinds or places", () => {
    const text = `kind: CronJob
metadata: {name: cj}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers: [{name: c, image: "x/cron:1"}]
---
kind: PodTemplate
metadata: {name: pt}
template:
  spec:
    containers: [{name: c, image: x/pt:1}]
---
kind: List
items:
- kind: Pod
  metadata: {name: in-list}
  spec: {containers: [{name: c, image: x/item:1}]}
- kind: ConfigMap
  data: {image: not/an-image:1}
---
kind: Service
spec: {containers: [{name: c, image: x/svc:1}]}
---
kind: Deployment
spec: {containers: [{name: c, image: x/wrong-place:1}]}
`;
    expect(images(text)).toEqual(['CronJob/cj/containers/c=x/cron:1@8', 'PodTemplate/pt/containers/c=x/pt:1@14', 'Pod/in-list/containers/c=x/item:1@20']);
  });

  it('reads JSON manifests, including a List of workloads', () => {
    const text = JSON.stringify(
      { kind: 'List', items: [{ kind: 'Deployment', metadata: { name: 'd' }, spec: { template: { spec: { containers: [{ name: 'c', image: 'x/j:1' }] } } } }] },
      null,
      2,
    );
    const m = parseManifest(text, 'm.json');
    expect(m.images.map((i) => i.value)).toEqual(['x/j:1']);
    m.setImage(m.images[0]!, 'x/j@sha256:' + 'a'.repeat(64));
    expect(JSON.parse(m.render())).toEqual(JSON.parse(text.replace('x/j:1', 'x/j@sha256:' + 'a'.repeat(64))));
    expect(m.render()).toBe(text.replace('x/j:1', 'x/j@sha256:' + 'a'.repeat(64)));
  });

  it('reports an image field that is not a string, and fails on a file that is not YAML with its line', () => {
    const m = parseManifest('kind: Pod\nspec:\n  containers:\n  - name: c\n    image: {a: 1}\n', 'm.yaml');
    expect(m.images).toEqual([]);
    expect(m.problems).toEqual([
      {
        line: 5,
        column: 12,
        message: 'Pod (unnamed), container c: the image is not a plain string (an alias, a number, a map or a list); write the reference itself',
      },
    ]);
    expect(() => parseManifest('kind: Pod\nspec: [\n', 'bad.yaml')).toThrow(/^bad\.yaml:\d+:\d+: not valid YAML or JSON/);
  });
});

describe('parseManifest: images given by a YAML alias', () => {
  const PINNED = `x/y@sha256:${'b'.repeat(64)}`;

  it('an alias whose anchor is an image, and every other use an image too, is pinned at its anchor', () => {
    const text = 'kind: Pod\nspec:\n  initContainers:\n  - {name: a, image: &i x/y:1}  # anchor\n  containers:\n  - name: b\n    image: *i\n';
    const m = parseManifest(text, 'm.yaml');
    expect(m.problems).toEqual([]);
    expect(m.images.map((i) => [i.line, i.value, i.field, i.alias])).toEqual([
      [4, 'x/y:1', 'initContainers', undefined],
      [7, 'x/y:1', 'containers', 'i'],
    ]);
    m.setImage(m.images[1]!, PINNED);
    m.setImage(m.images[0]!, PINNED);
    expect(m.render()).toBe(text.replace('&i x/y:1', `&i ${PINNED}`));
  });

  it('an anchor that is also used outside an image field is not pinned, and says where', () => {
    const text = 'kind: Pod\nspec:\n  containers:\n  - name: a\n    image: &i x/y:1\n    env: [{name: IMG, value: *i}]\n  - {name: b, image: *i}\n';
    const m = parseManifest(text, 'm.yaml');
    expect(m.images).toEqual([]);
    expect(m.problems.map((p) => [p.line, p.message])).toEqual([
      [
        5,
        "Pod (unnamed), container a: the image's anchor &i (line 5) is also used at line 6, which is not an image field; pinning it would change that value too",
      ],
      [
        7,
        "Pod (unnamed), container b: the image's anchor &i (line 5) is also used at line 6, which is not an image field; pinning it would change that value too",
      ],
    ]);
  });

  it('an alias of an anchor written outside an image field is reported, not pinned', () => {
    const text = 'kind: Pod\nmetadata:\n  annotations: {img: &i x/y:1}\nspec:\n  containers:\n  - {name: b, image: *i}\n';
    const m = parseManifest(text, 'm.yaml');
    expect(m.images).toEqual([]);
    expect(m.problems[0]!.message).toBe(
      'Pod (unnamed), container b: the image is an alias of &i (line 3), which is not an image field; pinning it there would change that value too: write the reference itself',
    );
    const map = parseManifest('kind: Pod\nx: &m {a: 1}\nspec:\n  containers:\n  - {name: b, image: *m}\n', 'm.yaml');
    expect(map.problems[0]!.message).toContain('the image is not a plain string (an alias of a number, a map or a list)');
  });
});

describe('parseManifest: rewrites keep every other byte', () => {
  const TEXT = `# kubeadm static Pod\r
---
apiVersion: v1   # comment after a value
kind: Pod
metadata:
  name: kube-apiserver
  namespace: kube-system
spec:
  containers:
  - command: ["kube-apiserver", '--a=b']
    image: "registry.k8s.io/kube-apiserver:v1.30.0"    # double-quoted, comment kept
    name: kube-apiserver
  -   name: odd-indent
      image: 'registry.k8s.io/pause:3.9'
  - {name: flow, image: registry.k8s.io/etcd:3.5.12-0, z: 1}
...
---
kind: Pod
spec:
  containers:
    - image: >-
        registry.k8s.io/coredns/coredns:v1.11.1
      name: folded
`;

  it('an untouched file renders byte for byte, CRLF, document markers and all', () => {
    expect(parseManifest(TEXT, 'm.yaml').render()).toBe(TEXT);
  });

  it('keeps a byte-order mark and a missing final newline', () => {
    const m = parseManifest('\ufeffkind: Pod\nspec: {containers: [{name: a, image: x/y:1}]}', 'm.yaml');
    m.setImage(m.images[0]!, 'x/y@sha256:' + 'a'.repeat(64));
    expect(m.render()).toBe(`\ufeffkind: Pod\nspec: {containers: [{name: a, image: x/y@sha256:${'a'.repeat(64)}}]}`);
  });

  it('changes only the image values, in their own quoting style', () => {
    const m = parseManifest(TEXT, 'm.yaml');
    expect(m.images.map((i) => i.value)).toEqual([
      'registry.k8s.io/kube-apiserver:v1.30.0',
      'registry.k8s.io/pause:3.9',
      'registry.k8s.io/etcd:3.5.12-0',
      'registry.k8s.io/coredns/coredns:v1.11.1',
    ]);
    for (const image of m.images) m.setImage(image, image.value.replace(/:[^:/]+$/, '@sha256:' + 'f'.repeat(64)));
    const d = 'f'.repeat(64);
    expect(m.render()).toBe(
      TEXT.replace('kube-apiserver:v1.30.0"', `kube-apiserver@sha256:${d}"`)
        .replace("pause:3.9'", `pause@sha256:${d}'`)
        .replace('etcd:3.5.12-0,', `etcd@sha256:${d},`)
        .replace('coredns:v1.11.1\n', `coredns@sha256:${d}\n`),
    );
  });
});
