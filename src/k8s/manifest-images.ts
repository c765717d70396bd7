// Image fields of Kubernetes manifests (YAML with many documents, or JSON), found by kind in the yaml CST so that a
// rewrite changes the image scalars and leaves every other byte (comments, quoting, key order, indentation) alone.
import { Composer, CST, isAlias, isMap, isScalar, isSeq, LineCounter, Parser, visit, type Alias, type Document, type Node, type Scalar } from 'yaml';
import { checkError } from '../common/errors.js';
import { sanitizeLine } from '../common/sanitize.js';

export const CONTAINER_FIELDS = ['initContainers', 'containers', 'ephemeralContainers'] as const;
export type ContainerField = (typeof CONTAINER_FIELDS)[number];

/** Where each kind keeps its pod spec. */
const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

export interface ManifestImage {
  /** The image field as written. */
  value: string;
  line: number;
  column: number;
  /** Kind and metadata.name of the object holding it (the List item, not the List). */
  kind: string;
  object: string;
  container: string;
  field: ContainerField;
  /** Set when the field is an alias (`image: *name`): the anchor's name; the value is pinned where the anchor stands. */
  alias?: string;
}

/** An image field that is not a plain string (an alias, a number, a map): never rewritten, reported. */
export interface ManifestProblem {
  line: number;
  column: number;
  message: string;
}

export interface ParsedManifest {
  images: ManifestImage[];
  problems: ManifestProblem[];
  /** Replaces the value of an image field, keeping its quoting style. */
  setImage(image: ManifestImage, value: string): void;
  /** The file as it is now: the original bytes except for the fields set. */
  render(): string;
}

export function parseManifest(text: string, fileName: string): ParsedManifest {
  const lineCounter = new LineCounter();
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const docs = [...new Composer({ keepSourceTokens: true }).compose(tokens)];
  const images: ManifestImage[] = [];
  const problems: ManifestProblem[] = [];
  const nodes = new Map<ManifestImage, Scalar>();
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      throw checkError('MANIFEST_INVALID', `${fileName}:${line}:${col}: not valid YAML or JSON: ${sanitizeLine(error.message.split('\n')[0] ?? '')}`);
    }
    const fields: ImageField[] = [];
    walkObject(doc.contents, (node, found) => {
      const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
      fields.push({ node, found, line, column: col });
    });
    // Only a document with an anchored or aliased image needs every alias found.
    const anyShared = fields.some((f) => isAlias(f.node) || (isScalar(f.node) && f.node.anchor !== undefined));
    const aliasesOf = anyShared ? anchorUses(doc) : new Map<unknown, Alias[]>();
    const imageNodes = new Set(fields.map((f) => f.node));
    for (const field of fields) {
      const target = isAlias(field.node) ? field.node.resolve(doc) : field.node;
      if (!isPlainString(target)) {
        const what = isAlias(field.node) ? 'an alias of a number, a map or a list' : 'an alias, a number, a map or a list';
        problems.push({
          line: field.line,
          column: field.column,
          message: `${where(field.found)}: the image is not a plain string (${what}); write the reference itself`,
        });
        continue;
      }
      const shared = sharedProblem(target, aliasesOf.get(target) ?? [], imageNodes, lineCounter);
      if (shared) {
        problems.push({ line: field.line, column: field.column, message: `${where(field.found)}: ${shared}` });
        continue;
      }
      const image: ManifestImage = {
        ...field.found,
        value: target.value as string,
        line: field.line,
        column: field.column,
        ...(isAlias(field.node) ? { alias: field.node.source } : {}),
      };
      images.push(image);
      nodes.set(image, target);
    }
  }
  return {
    images,
    problems,
    setImage(image, value) {
      const node = nodes.get(image);
      if (!node?.srcToken || !CST.isScalar(node.srcToken)) throw new Error('not an image of this manifest');
      // An anchor and its aliases share one scalar: the first of them to be pinned has written it already.
      if (node.value === value) {
        image.value = value;
        return;
      }
      const token = node.srcToken;
      // setScalarValue re-indents a block scalar's content; an image is one word, so it is swapped where it stands.
      if (token.type === 'block-scalar' && token.source.split(image.value).length === 2) token.source = token.source.replace(image.value, () => value);
      else CST.setScalarValue(token, value);
      node.value = value;
      image.value = value;
    },
    render: () => tokens.map((t) => CST.stringify(t)).join(''),
  };
}

type Found = Omit<ManifestImage, 'value' | 'line' | 'column' | 'alias'>;
interface ImageField {
  node: Node;
  found: Found;
  line: number;
  column: number;
}

const where = (found: Found) => `${found.kind} ${found.object}, container ${found.container}`;

function isPlainString(node: unknown): node is Scalar {
  return isScalar(node) && typeof node.value === 'string' && node.srcToken !== undefined && CST.isScalar(node.srcToken);
}

/** Every alias of the document, by the node it stands for. */
function anchorUses(doc: Document.Parsed): Map<unknown, Alias[]> {
  const uses = new Map<unknown, Alias[]>();
  visit(doc, {
    Alias(_key, alias) {
      const target = alias.resolve(doc);
      uses.set(target, [...(uses.get(target) ?? []), alias]);
    },
  });
  return uses;
}

/**
 * Why a value written once and used in several places cannot be pinned: its anchor or one of its aliases is not an
 * image field, so rewriting the one scalar would change that other value too. Undefined when every use is an image.
 */
function sharedProblem(target: Scalar, aliases: Alias[], imageNodes: Set<Node>, lines: LineCounter): string | undefined {
  if (aliases.length === 0) return undefined;
  const at = (node: Node) => lines.linePos(node.range?.[0] ?? 0).line;
  const anchor = `&${target.anchor ?? aliases[0]!.source} (line ${at(target)})`;
  if (!imageNodes.has(target))
    return `the image is an alias of ${anchor}, which is not an image field; pinning it there would change that value too: write the reference itself`;
  const other = aliases.find((a) => !imageNodes.has(a));
  if (other) return `the image's anchor ${anchor} is also used at line ${at(other)}, which is not an image field; pinning it would change that value too`;
  return undefined;
}
type OnImage = (node: Node, found: Found) => void;

function walkObject(node: unknown, onImage: OnImage): void {
  if (!isMap(node)) return;
  const kind = stringAt(node, ['kind']);
  if (kind === undefined) return;
  if (kind === 'List' || kind.endsWith('List')) {
    const items = node.get('items', true);
    if (isSeq(items)) for (const item of items.items) walkObject(item, onImage);
    return;
  }
  const path = POD_SPEC_PATHS[kind];
  if (!path) return;
  const podSpec = node.getIn(path, true);
  if (!isMap(podSpec)) return;
  const object = stringAt(node, ['metadata', 'name']) ?? '(unnamed)';
  for (const field of CONTAINER_FIELDS) {
    const list = podSpec.get(field, true);
    if (!isSeq(list)) continue;
    for (const container of list.items) {
      if (!isMap(container)) continue;
      const image = container.get('image', true);
      if (image === undefined || image === null) continue;
      onImage(image as Node, { kind, object, container: stringAt(container, ['name']) ?? '(unnamed)', field });
    }
  }
}

function stringAt(node: Node, path: string[]): string | undefined {
  if (!isMap(node)) return undefined;
  const value = node.getIn(path);
  return typeof value === 'string' ? value : undefined;
}
